import { connect, type Socket } from 'node:net';

/** A hand-driven HTTP/1.1 connection: the test decides what is sent and when, byte for byte. */
export interface RawConnection {
  socket: Socket;
  /** Bytes of request body this side has written so far. */
  bodyBytesSent(): number;
  /** Writes part of the body (counted), unless the server has closed the connection. */
  sendBody(chunk: string): void;
  /** The first complete response (status line, headers, body by Content-Length), while the connection may still be open. */
  response: Promise<{ status: number; head: string; body: string }>;
  /** Resolves with everything received once the server closes the connection. */
  closed: Promise<string>;
}

/** Opens a connection to `baseUrl` and sends `head` (request line and headers, ending in a blank line). */
export function openRaw(baseUrl: string, head: string): RawConnection {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  let received = '';
  let sent = 0;
  let settle: (value: { status: number; head: string; body: string }) => void;
  const response = new Promise<{ status: number; head: string; body: string }>((resolve) => (settle = resolve));
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  socket.on('error', () => undefined); // a reset by the server shows as `closed`; the assertions look at what arrived
  socket.on('data', (chunk) => {
    received += chunk.toString('latin1');
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) return;
    const headText = received.slice(0, end);
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(headText)?.[1] ?? 0);
    const body = received.slice(end + 4);
    if (body.length >= length)
      settle({ status: Number(headText.split(' ')[1]), head: headText, body: body.slice(0, length) });
  });
  socket.write(head);
  return {
    socket,
    response,
    closed,
    bodyBytesSent: () => sent,
    sendBody(chunk) {
      if (socket.destroyed || socket.writableEnded) return;
      sent += Buffer.byteLength(chunk);
      socket.write(chunk);
    },
  };
}

/** Request line and headers for a JSON POST; `length` = Content-Length, or `'chunked'`. */
export function postHead(path: string, token: string, length: number | 'chunked'): string {
  const framing = length === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`;
  return `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface SentMail extends Mail {
  sentAt: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  /** Development only: what was "sent", newest last. */
  readonly outbox: readonly SentMail[] | undefined;
}

const OUTBOX_SIZE = 200;

/** Development mailer: keeps the last messages for `/dev/outbox` and prints them, so sign-in works with no SMTP server. */
export function createOutboxMailer(log: (line: string) => void = console.log): Mailer {
  const outbox: SentMail[] = [];
  return {
    outbox,
    async send(mail) {
      outbox.push({ ...mail, sentAt: new Date().toISOString() });
      if (outbox.length > OUTBOX_SIZE) outbox.shift();
      log(`[mail] to ${mail.to}: ${mail.subject}\n${mail.text}`);
    },
  };
}

/** SMTP mailer (nodemailer), e.g. `SMTP_URL=smtps://user:pass@smtp.example.com`. */
export function createSmtpMailer(smtpUrl: string, from: string, alsoKeep?: Mailer): Mailer {
  // nodemailer is loaded with the first mail, not at start (a start sends none).
  let transport: Promise<{ sendMail(mail: object): Promise<unknown> }> | undefined;
  return {
    outbox: alsoKeep?.outbox,
    async send(mail) {
      transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
      await (await transport).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      await alsoKeep?.send(mail);
    },
  };
}

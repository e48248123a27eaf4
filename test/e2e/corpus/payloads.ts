// What goes into the bad responses: markup and script in text, script URLs where links are made, odd Unicode,
// broken JSON, error pages. Every script payload sets `window.__pwned` (or calls alert): the test watches both.

const PWN = 'window.__pwned=true';

/** Markup and template payloads for text fields: harmless as text, script if anything renders them as HTML. */
export const MARKUP: readonly string[] = [
  `<img src=x onerror="${PWN}">`,
  `<script>${PWN}</script>`,
  `<svg onload="${PWN}"><circle r="9"/></svg>`,
  `"><iframe srcdoc="<script>parent.__pwned=true</script>"></iframe>`,
  `<a href="javascript:${PWN}">Privacy contact</a>`,
  `<style>*{display:none!important}</style>`,
  `</p><details open ontoggle="${PWN}"><summary>x</summary></details>`,
  `{{constructor.constructor('${PWN}')()}}`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${PWN}">`,
  `<form action="javascript:${PWN}"><button>Accept all</button></form>`,
  `<object data="data:text/html,<script>parent.__pwned=true</script>"></object>`,
  `javascript:alert(document.domain)`,
];

/** Script URLs, for fields that become links (websites, e-mail addresses, export hrefs). */
export const SCRIPT_URLS: readonly string[] = [
  `javascript:${PWN}`,
  `JaVaScRiPt:${PWN}`,
  ` javascript:${PWN}`,
  `java\tscript:${PWN}`,
  `javascript://example.com/%0a${PWN}`,
  `data:text/html,<script>${PWN}</script>`,
  `vbscript:msgbox(1)`,
  `javascript:alert(1)//@example.com`,
];

/** Text that is valid Unicode but hostile to layout or reading: bidi overrides, zero-width runs, NUL, lone surrogates. */
export const ODD_TEXT: readonly string[] = [
  '\u202Egnp.exe',
  '\u200B'.repeat(2000),
  'before\u0000after',
  '\uD800',
  'Z\u0337\u0322\u031B\u032F\u034Da\u0338l\u0337g\u0335o\u0336'.repeat(200),
  '\u{1F480}'.repeat(500),
  '\u0645\u0631\u062D\u0628\u0627 \u202B<b>RTL</b>\u202C',
];

/** An HTML error page, as a proxy or captive portal would send instead of JSON. */
export const ERROR_PAGE = `<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><script>${PWN}</script><img src=x onerror="${PWN}"></body></html>`;
export const XML_BODY = `<?xml version="1.0"?><error><message>&lt;script&gt;${PWN}&lt;/script&gt;</message></error>`;

/** Texts that are not JSON, or JSON of the wrong kind, to put where JSON is expected. `valid` is the body as JSON text. */
export function brokenJson(valid: string): string[] {
  return [
    '',
    ' ',
    'undefined',
    'NaN',
    "{'notice': 1}",
    '{"a": 1,}',
    `${valid} // trailing comment`,
    `)]}',\n${valid}`,
    `callback(${valid})`,
    `${valid}${valid}`,
    `\uFEFF\uFEFF${valid}`,
    '['.repeat(100_000),
    `{"x": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
    'null',
    'true',
    '0',
    '"a string"',
    '[]',
    '{}',
    '\u0000\u0001\u0002',
  ];
}

/** Words, about `bytes` long: a huge but otherwise ordinary string (sometimes with markup inside). */
export const huge = (bytes: number, inner = ''): string =>
  `${'Lorem ipsum dolor sit amet '.repeat(Math.ceil(bytes / 27))}${inner}`;

// Keys a page added to Object.prototype as enumerable (`Object.prototype.hidden = true`, a deep merge of JSON with a
// `__proto__` key) show up in every `for…in`: zod then fails to build its schemas (the panel cannot load) and Preact
// would copy them onto every element. Before the panel loads they are made non-enumerable, values untouched: the
// page's own reads still see them, only enumeration stops. (Enumerating Object.prototype is never what a page wants.)

/** Makes enumerable keys on Object.prototype non-enumerable; never throws. */
export function hidePollution(): void {
  try {
    for (const key in Object.prototype) {
      if (Object.getOwnPropertyDescriptor(Object.prototype, key)?.configurable)
        Object.defineProperty(Object.prototype, key, { enumerable: false });
    }
  } catch {
    // a frozen or proxied prototype: nothing more to do; the prop guard still covers rendering
  }
}

/**
 * Marks a stylesheet's text. The widget build minifies these templates (widget/vite-builds.ts); anywhere else it
 * is the text as written. No substitutions: a stylesheet is a constant.
 */
export const css = (strings: TemplateStringsArray): string => strings.raw.join('');

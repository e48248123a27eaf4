// A small CSS minifier for the widget build: comments and the whitespace CSS does not need go. Conservative on
// purpose (the widget's own stylesheets only): a space before `:` is kept (`a :focus` is not `a:focus`), and
// nothing inside parentheses or strings other than runs of whitespace is touched.

/** `css` with comments removed, whitespace collapsed, and spaces around `{ } ; , >` and after `:` dropped. */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/** The e-mail and code fields, looking like the panel's own fields (for the pages that show SignIn, beside panelCss). */
export const signInCss = `
.tp-sign-in input {
  display: block; box-sizing: border-box; width: 100%; min-height: 2.75rem; padding: 0.5rem;
  font: inherit; color: var(--tp-fg); background: var(--tp-bg); border: 2px solid var(--tp-border); border-radius: var(--tp-radius);
}
.tp-sign-in input[aria-invalid="true"] { border-color: var(--tp-error); }
`;

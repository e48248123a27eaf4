// A page can pollute Object.prototype (`Object.prototype.hidden = true`, or a vulnerable deep merge of JSON with a
// `__proto__` key). Preact reads props with `for…in`, which walks inherited keys too, so every element the panel
// renders would get them: `hidden` or `inert` (the controls vanish or stop working), `dangerouslySetInnerHTML`
// (the page's markup, and its scripts, inside our DOM). This hook gives every vnode null-prototype props that hold
// only the keys the widget itself set.
import { options, type VNode } from 'preact';

const proto = Object.prototype as Record<string, unknown>;
const enumerable = Object.prototype.propertyIsEnumerable;

/** True for a key Preact copied from a polluted Object.prototype (`createElement` copies props with `for…in`). */
const fromPrototype = (key: string, value: unknown): boolean => enumerable.call(proto, key) && proto[key] === value;

let installed = false;

/** Installs the guard once, before the panel's first render. */
export function guardProps(): void {
  if (installed) return;
  installed = true;
  const next = options.vnode;
  options.vnode = (vnode: VNode) => {
    const props = vnode.props as Record<string, unknown> | null;
    if (props && typeof props === 'object' && Object.getPrototypeOf(props) !== null) {
      const own: Record<string, unknown> = Object.create(null);
      for (const key of Object.keys(props)) if (!fromPrototype(key, props[key])) own[key] = props[key];
      vnode.props = own as VNode['props'];
    }
    if (vnode.ref != null && fromPrototype('ref', vnode.ref)) vnode.ref = null;
    next?.(vnode);
  };
}

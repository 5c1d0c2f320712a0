/** The element builder of the participant pages, and replacing an element's children. */
import { append, h, type Child } from "../dom";

export { h };

export function setChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

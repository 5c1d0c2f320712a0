/** A table in a wrapper that scrolls sideways on narrow screens (and by keyboard), never the page. */
import type { ComponentChildren } from "preact";

export function Table({ caption, head, children, class: className }: { caption: string; head: ComponentChildren[]; children: ComponentChildren; class?: string }) {
  return (
    <div class="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table class={`console-table${className ? ` ${className}` : ""}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((cell, index) => (
              <th scope="col" key={index}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

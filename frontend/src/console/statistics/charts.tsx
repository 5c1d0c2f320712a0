/**
 * Charts for the statistics page: inline SVG drawn here (no library, no request), each an
 * image with a title and a description that says its numbers (`role="img"`,
 * `aria-labelledby`), and the same numbers as a table behind a disclosure beside it, for
 * anyone who would rather read, copy or hear them.
 */
import { useId } from "preact/hooks";
import { Table } from "../ui/table";
import { s } from "../strings";

export type Bar = { label: string; value: number; /** The value as shown ("75 %", "12,5"). */ text?: string };

const ROW = 28;
const LABEL_WIDTH = 165;
const VALUE_WIDTH = 56;
// Narrow, so that on a phone (about 360 px) the text is drawn near its own size.
const WIDTH = 420;

/** Long labels are cut with an ellipsis; the table beside the chart has them whole. */
function cut(label: string, max = 17): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

const number = (value: number) => value.toLocaleString(s("stats.intl_locale"), { maximumFractionDigits: 2 });

/** A horizontal bar chart with its table. `head` names the table's columns (label, value). */
export function BarChart({ title, bars, head, empty }: { title: string; bars: Bar[]; head: [string, string]; empty?: string }) {
  const id = useId().replace(/[^A-Za-z0-9_-]/g, "");
  if (bars.length === 0) {
    return (
      <figure class="stats-chart">
        <figcaption>{title}</figcaption>
        <p class="muted">{empty ?? s("stats.no_data")}</p>
      </figure>
    );
  }
  const max = Math.max(...bars.map((b) => b.value), 1);
  const height = bars.length * ROW + 8;
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const description = bars.map((b) => `${b.label}: ${b.text ?? number(b.value)}`).join("; ");
  return (
    <figure class="stats-chart">
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg class="stats-svg" role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, i) => {
          const y = i * ROW + 4;
          const width = bar.value > 0 ? Math.max(2, (bar.value / max) * barSpace) : 0;
          return (
            <g key={i}>
              <text class="stats-label" x={LABEL_WIDTH - 8} y={y + ROW / 2 + 1} text-anchor="end" dominant-baseline="middle">
                {cut(bar.label)}
              </text>
              <rect class="stats-bar" x={LABEL_WIDTH} y={y + 4} width={width} height={ROW - 10} rx="3" />
              <text class="stats-value" x={LABEL_WIDTH + width + 6} y={y + ROW / 2 + 1} dominant-baseline="middle">
                {bar.text ?? number(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <details class="stats-table">
        <summary>{s("stats.show_table", { title })}</summary>
        <Table caption={title} head={head}>
          {bars.map((bar, i) => (
            <tr key={i}>
              <th scope="row">{bar.label}</th>
              <td class="number">{bar.text ?? number(bar.value)}</td>
            </tr>
          ))}
        </Table>
      </details>
    </figure>
  );
}

import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/** One series of a bar chart: a value per category, drawn in the colour of `className`. */
export interface BarSeries {
  name: string;
  /** CSS class that colours the bars and the legend key, e.g. `series-created`. */
  className: string;
  values: readonly number[];
}

/** Options of {@link barChart}. */
export interface BarChartOptions {
  /** Prefix of the ids inside the chart. */
  id: string;
  title: string;
  /** Sentence that screen readers hear in place of the drawing. */
  summary: string;
  categories: readonly string[];
  /** Shorter category names drawn under the bars. Defaults to `categories`. */
  axisLabels?: readonly string[];
  series: readonly BarSeries[];
  /** Formats a value for the data table and the axis. Defaults to the plain number. */
  format?: (value: number) => string;
  /** Heading of the data table's category column. */
  categoryHeader: string;
}

// Geometry of the drawing in SVG user units. The SVG scales to its container's width.
const WIDTH = 600;
const HEIGHT = 180;
const LEFT = 40;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 24;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
/** Category labels drawn under the bars at most, so that they never overlap. */
const MAX_AXIS_LABELS = 8;

/** Returns the indexes of the categories to label: all of them, or evenly spaced ones. */
function labelledIndexes(count: number): Set<number> {
  if (count <= MAX_AXIS_LABELS) return new Set(Array.from({ length: count }, (_, i) => i));
  const step = Math.ceil((count - 1) / (MAX_AXIS_LABELS - 1));
  const indexes = new Set<number>();
  for (let index = 0; index < count; index += step) indexes.add(index);
  indexes.add(count - 1);
  return indexes;
}

function bars(options: BarChartOptions, max: number): SVGTemplateResult[] {
  const groupWidth = PLOT_WIDTH / Math.max(1, options.categories.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, options.series.length);
  return options.series.flatMap((series, seriesIndex) =>
    series.values.map((value, index) => {
      const height = max > 0 ? (value / max) * PLOT_HEIGHT : 0;
      const x = LEFT + index * groupWidth + groupWidth * 0.1 + seriesIndex * barWidth;
      return svg`<rect
        class="bar ${series.className}"
        x=${x.toFixed(2)}
        y=${(TOP + PLOT_HEIGHT - height).toFixed(2)}
        width=${Math.max(1, barWidth - 1).toFixed(2)}
        height=${height.toFixed(2)}
      ></rect>`;
    }),
  );
}

function axes(options: BarChartOptions, max: number): SVGTemplateResult {
  const format = options.format ?? String;
  const labels = options.axisLabels ?? options.categories;
  const shown = labelledIndexes(labels.length);
  const groupWidth = PLOT_WIDTH / Math.max(1, labels.length);
  const baseline = TOP + PLOT_HEIGHT;
  return svg`<line class="axis" x1=${LEFT} y1=${baseline} x2=${WIDTH - RIGHT} y2=${baseline}></line>
    <text class="axis-label" x=${LEFT - 4} y=${TOP + 4} text-anchor="end">${format(max)}</text>
    <text class="axis-label" x=${LEFT - 4} y=${baseline} text-anchor="end">${format(0)}</text>
    ${labels.map((label, index) =>
      shown.has(index)
        ? svg`<text
            class="axis-label"
            x=${(LEFT + (index + 0.5) * groupWidth).toFixed(2)}
            y=${HEIGHT - 6}
            text-anchor="middle"
          >${label}</text>`
        : nothing,
    )}`;
}

function legend(series: readonly BarSeries[]): TemplateResult | typeof nothing {
  if (series.length < 2) return nothing;
  return html`<ul class="legend" aria-hidden="true">
    ${series.map(
      (entry) =>
        html`<li>
          <svg class="legend-key" viewBox="0 0 10 10" width="10" height="10">
            <rect class=${entry.className} width="10" height="10"></rect>
          </svg>
          ${entry.name}
        </li>`,
    )}
  </ul>`;
}

function dataTable(options: BarChartOptions): TemplateResult {
  const format = options.format ?? String;
  return html`<details class="chart-data">
    <summary>Data of “${options.title}”</summary>
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">
          ${options.title}
        </caption>
        <thead>
          <tr>
            <th scope="col">${options.categoryHeader}</th>
            ${options.series.map((series) => html`<th scope="col">${series.name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${options.categories.map(
            (category, index) =>
              html`<tr>
                <th scope="row">${category}</th>
                ${options.series.map((series) => html`<td>${format(series.values[index] ?? 0)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}

/**
 * Renders a bar chart as plain SVG, sized through SVG attributes because the page's CSP allows
 * no inline styles. The drawing is one image whose `aria-label` is `summary`, and a `<details>`
 * below it contains the same numbers as a table.
 */
export function barChart(options: BarChartOptions): TemplateResult {
  const values = options.series.flatMap((series) => series.values);
  const max = Math.max(0, ...values);
  return html`<figure class="chart" part="chart" data-chart=${options.id}>
    <figcaption><h4 id="${options.id}-title">${options.title}</h4></figcaption>
    <svg
      class="chart-drawing"
      role="img"
      aria-label=${options.summary}
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      preserveAspectRatio="none"
    >
      ${axes(options, max)} ${bars(options, max)}
    </svg>
    ${legend(options.series)} ${dataTable(options)}
  </figure>`;
}

/** Options of {@link meterChart}. */
export interface MeterOptions {
  id: string;
  title: string;
  summary: string;
  /** Percent from 0 to 100. */
  percent: number;
  /** Text written next to the bar, e.g. "98.5 %". */
  valueText: string;
}

/** Renders a horizontal bar filled to `percent`, for a rate such as SLA compliance. */
export function meterChart(options: MeterOptions): TemplateResult {
  const percent = Math.min(100, Math.max(0, options.percent));
  const track = WIDTH - 80;
  return html`<figure class="chart" part="chart" data-chart=${options.id}>
    <figcaption><h4 id="${options.id}-title">${options.title}</h4></figcaption>
    <svg class="meter" role="img" aria-label=${options.summary} viewBox="0 0 ${WIDTH} 28">
      <rect class="meter-track" x="0" y="4" width=${track} height="20"></rect>
      <rect
        class="meter-fill"
        x="0"
        y="4"
        width=${((percent / 100) * track).toFixed(2)}
        height="20"
      ></rect>
      <text class="axis-label" x=${track + 8} y="19">${options.valueText}</text>
    </svg>
  </figure>`;
}

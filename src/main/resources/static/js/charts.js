// Small time-series charts (uPlot) for the history panel.
import uPlot from 'uplot';
import { esc } from './format.js';

const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

/** A line chart of one value over time; replaces whatever the element showed before. */
export class TimeChart {
  #plot = null;

  constructor(element, { label, unit, color, range }) {
    Object.assign(this, { element, label, unit, color, range });
  }

  /** @param points [{ t: epochSeconds, v: number|null }] */
  show(points, from, to) {
    this.clear();
    const data = points.filter((p) => p.v != null);
    if (data.length === 0) {
      this.element.innerHTML = `<p class="empty">No ${esc(this.label.toLowerCase())} data in this range.</p>`;
      return;
    }
    const axis = { stroke: css('--muted'), grid: { stroke: css('--line'), width: 1 }, ticks: { stroke: css('--line') } };
    this.#plot = new uPlot({
      width: this.element.clientWidth || 340,
      height: 120,
      legend: { show: false },
      cursor: { points: { size: 6 } },
      scales: { x: { time: true, range: () => [from / 1000, to / 1000] }, y: { range: this.range } },
      axes: [axis, { ...axis, size: 52, values: (u, ticks) => ticks.map((v) => `${v}${this.unit}`) }],
      series: [{}, { label: this.label, stroke: this.color, width: 2, fill: `${this.color}22`,
        points: { show: data.length < 60 }, spanGaps: true }],
    }, [data.map((p) => p.t), data.map((p) => p.v)], this.element);
  }

  resize() {
    this.#plot?.setSize({ width: this.element.clientWidth, height: 120 });
  }

  clear() {
    this.#plot?.destroy();
    this.#plot = null;
    this.element.replaceChildren();
  }
}

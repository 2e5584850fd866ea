import { Chart, registerables, type ChartConfiguration } from 'chart.js';

Chart.register(...registerables);

/**
 * A chart.js chart as a plain web component. The server sets its `config` property to a chart.js
 * configuration as JSON; the chart is drawn again whenever it changes. The canvas is hidden from
 * assistive technology: every chart has the same figures beside it as a table.
 */
class BuddyChart extends HTMLElement {
  private readonly canvas: HTMLCanvasElement;
  private chart?: Chart;
  private json = '';

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host { display: block; position: relative; width: 100%; max-width: 48em; height: 16em; }';
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('aria-hidden', 'true');
    root.append(style, this.canvas);
  }

  get config(): string {
    return this.json;
  }

  set config(value: string) {
    this.json = value ?? '';
    this.draw();
  }

  connectedCallback(): void {
    // a value the server set before this element was defined shadows the setter: take it over
    if (Object.prototype.hasOwnProperty.call(this, 'config')) {
      const early = (this as unknown as { config: string }).config;
      delete (this as unknown as { config?: string }).config;
      this.config = early;
    }
    this.draw();
  }

  disconnectedCallback(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private draw(): void {
    if (!this.isConnected || !this.json) {
      return;
    }
    this.chart?.destroy();
    const config = JSON.parse(this.json) as ChartConfiguration;
    config.options = { ...(config.options ?? {}), responsive: true, maintainAspectRatio: false };
    this.chart = new Chart(this.canvas, config);
  }
}

if (!customElements.get('buddy-chart')) {
  customElements.define('buddy-chart', BuddyChart);
}

/*
 * A chart.js chart as a plain web component, <buddy-chart>. The server sets its `config` property to a
 * chart.js configuration as JSON; the chart is drawn again whenever it changes. The canvas is hidden
 * from assistive technology: every chart has the same figures beside it as a table.
 * A suppressed figure arrives as null: it gets no bar but the marker "< 5" where its bar would start,
 * and its tooltip says it is suppressed (options.plugins.buddySuppressed: label and note).
 * Needs chart.umd.min.js (global `Chart`) loaded first.
 */
(function () {
  if (customElements.get('buddy-chart')) {
    return;
  }

  /** Draws the marker of every suppressed value at the base of its (absent) bar. */
  const suppressedMarker = {
    id: 'buddySuppressed',
    afterDatasetsDraw(chart, args, options) {
      const ctx = chart.ctx;
      const horizontal = chart.options.indexAxis === 'y';
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden || !dataset.suppressed) {
          return;
        }
        dataset.suppressed.forEach((suppressed, i) => {
          const bar = meta.data[i];
          if (!suppressed || !bar) {
            return;
          }
          const { x, y, base } = bar.getProps(['x', 'y', 'base'], true);
          ctx.save();
          ctx.font = 'italic 600 12px sans-serif';
          ctx.fillStyle = typeof dataset.backgroundColor === 'string' ? dataset.backgroundColor : '#5a5a5a';
          if (horizontal) {
            ctx.textAlign = 'left';
            ctx.textBaseline = 'middle';
            ctx.fillText(options.label || '< 5', base + 4, y);
          } else {
            ctx.textAlign = 'center';
            ctx.textBaseline = 'bottom';
            ctx.fillText(options.label || '< 5', x, base - 4);
          }
          ctx.restore();
        });
      });
    }
  };

  /** A suppressed value (null) becomes a bar of length zero, remembered as suppressed for marker and tooltip. */
  const markSuppressed = (config) => {
    const marker = ((config.options || {}).plugins || {}).buddySuppressed || {};
    (config.data.datasets || []).forEach((dataset) => {
      dataset.suppressed = dataset.data.map((value) => value === null || value === undefined);
      dataset.data = dataset.data.map((value, i) => (dataset.suppressed[i] ? 0 : value));
    });
    config.options.interaction = { mode: 'index', intersect: false };
    const plugins = config.options.plugins = config.options.plugins || {};
    plugins.tooltip = Object.assign({}, plugins.tooltip || {}, {
      callbacks: {
        label(item) {
          if (item.dataset.suppressed && item.dataset.suppressed[item.dataIndex]) {
            return `${item.dataset.label}: ${marker.label || '< 5'} (${marker.note || ''})`;
          }
          return `${item.dataset.label}: ${item.formattedValue}`;
        }
      }
    });
    config.plugins = (config.plugins || []).concat([suppressedMarker]);
    return config;
  };

  class BuddyChart extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = ':host { display: block; position: relative; width: 100%; max-width: 48em; height: 16em; }';
      this.canvas = document.createElement('canvas');
      this.canvas.setAttribute('aria-hidden', 'true');
      root.append(style, this.canvas);
      this.json = '';
      this.chart = undefined;
    }

    get config() {
      return this.json;
    }

    set config(value) {
      this.json = value == null ? '' : String(value);
      this.draw();
    }

    connectedCallback() {
      this.draw();
    }

    disconnectedCallback() {
      if (this.chart) {
        this.chart.destroy();
        this.chart = undefined;
      }
    }

    draw() {
      if (!this.isConnected || !this.json || typeof window.Chart === 'undefined') {
        return;
      }
      if (this.chart) {
        this.chart.destroy();
      }
      const config = JSON.parse(this.json);
      // a horizontal chart grows with its bars, so that bars and "< 5" markers keep room to be read
      const bars = (config.data.labels || []).length * Math.max(1, (config.data.datasets || []).length);
      this.style.height = (config.options || {}).indexAxis === 'y' && bars > 8 ? `${3 + bars * 1.25}em` : '';
      config.options = Object.assign({}, config.options || {}, { responsive: true, maintainAspectRatio: false });
      markSuppressed(config);
      this.chart = new window.Chart(this.canvas, config);
    }
  }

  // a value the server set before the element was defined sits on the instance: take it over on upgrade
  const upgrade = (element) => {
    if (Object.prototype.hasOwnProperty.call(element, 'config')) {
      const early = element.config;
      delete element.config;
      element.config = early;
    }
  };
  customElements.define('buddy-chart', BuddyChart);
  document.querySelectorAll('buddy-chart').forEach(upgrade);
})();

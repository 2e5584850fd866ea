/*
 * A chart.js chart as a plain web component, <buddy-chart>. The server sets its `config` property to a
 * chart.js configuration as JSON; the chart is drawn again whenever it changes. The canvas is hidden
 * from assistive technology: every chart has the same figures beside it as a table.
 * Needs chart.umd.min.js (global `Chart`) loaded first.
 */
(function () {
  if (customElements.get('buddy-chart')) {
    return;
  }

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
      config.options = Object.assign({}, config.options || {}, { responsive: true, maintainAspectRatio: false });
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

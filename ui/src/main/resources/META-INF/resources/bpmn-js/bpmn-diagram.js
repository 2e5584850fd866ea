/*
 * <bpmn-diagram>: a read-only BPMN diagram drawn by bpmn-js (its NavigatedViewer: pan and zoom, no
 * editing). Properties set by the server: xml, activeIds (highlighted as current), completedIds
 * (marked as done), heat (element ID -> 0..1, drawn as a coloured overlay) and heatLabels (element
 * ID -> text shown on the element). Needs bpmn-navigated-viewer (global BpmnJS), loaded before it.
 */
(function () {
  if (customElements.get('bpmn-diagram')) {
    return;
  }
  const STYLE_ID = 'bpmn-diagram-style';
  const STYLE = `
bpmn-diagram { display: block; position: relative; min-height: 320px; border: 1px solid var(--lumo-contrast-20pct); border-radius: var(--lumo-border-radius-m); background: var(--lumo-base-color); overflow: hidden; }
bpmn-diagram .bpmn-diagram-canvas { position: absolute; inset: 0; }
bpmn-diagram .bpmn-done:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #2e7d32 !important; fill: #e8f5e9 !important; }
bpmn-diagram .bpmn-done.djs-connection .djs-visual > path { stroke: #2e7d32 !important; stroke-width: 3px !important; }
bpmn-diagram .bpmn-current:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #e65100 !important; stroke-width: 4px !important; fill: #fff3e0 !important; }
bpmn-diagram .bpmn-heat { border-radius: 10px; opacity: 0.55; pointer-events: none; }
bpmn-diagram .bpmn-heat-label { background: #263238; color: #fff; font: 12px/1.4 var(--lumo-font-family); padding: 1px 6px; border-radius: 4px; white-space: nowrap; }
`;
  const PROPERTIES = ['xml', 'activeIds', 'completedIds', 'heat', 'heatLabels'];

  /** Resolves once the viewer library has loaded (it is added to the page just before this script). */
  function viewerLibrary() {
    return new Promise((resolve) => {
      const check = () => (window.BpmnJS ? resolve(window.BpmnJS) : setTimeout(check, 50));
      check();
    });
  }

  class BpmnDiagram extends HTMLElement {
    constructor() {
      super();
      this._xml = '';
      this._activeIds = [];
      this._completedIds = [];
      this._heat = {};
      this._heatLabels = {};
      this._renderedXml = '';
      this._markers = [];
      this._pending = false;
    }

    connectedCallback() {
      for (const name of PROPERTIES) {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = this[name];
          delete this[name];
          this[name] = value;
        }
      }
      if (!document.getElementById(STYLE_ID)) {
        const style = document.createElement('style');
        style.id = STYLE_ID;
        style.textContent = STYLE;
        document.head.appendChild(style);
      }
      if (!this._canvas) {
        this._canvas = document.createElement('div');
        this._canvas.className = 'bpmn-diagram-canvas';
        this.appendChild(this._canvas);
        viewerLibrary().then((Viewer) => {
          this._viewer = new Viewer({ container: this._canvas });
          this._schedule();
        });
      }
      this._schedule();
    }

    set xml(value) { this._xml = value || ''; this._schedule(); }
    get xml() { return this._xml; }
    set activeIds(value) { this._activeIds = value || []; this._schedule(); }
    get activeIds() { return this._activeIds; }
    set completedIds(value) { this._completedIds = value || []; this._schedule(); }
    get completedIds() { return this._completedIds; }
    set heat(value) { this._heat = value || {}; this._schedule(); }
    get heat() { return this._heat; }
    set heatLabels(value) { this._heatLabels = value || {}; this._schedule(); }
    get heatLabels() { return this._heatLabels; }

    _schedule() {
      if (this._pending || !this._viewer) {
        return;
      }
      this._pending = true;
      queueMicrotask(() => {
        this._pending = false;
        this._render().catch((e) => console.error('bpmn-diagram', e));
      });
    }

    async _render() {
      if (!this._xml) {
        return;
      }
      const viewer = this._viewer;
      if (this._xml !== this._renderedXml) {
        const xml = this._xml;
        await viewer.importXML(xml);
        this._renderedXml = xml;
        this._markers = [];
        viewer.get('canvas').zoom('fit-viewport', 'auto');
      }
      const canvas = viewer.get('canvas');
      const registry = viewer.get('elementRegistry');
      const overlays = viewer.get('overlays');
      this._markers.forEach(([id, marker]) => canvas.removeMarker(id, marker));
      this._markers = [];
      overlays.remove({ type: 'heat' });
      const mark = (id, marker) => {
        if (registry.get(id)) {
          canvas.addMarker(id, marker);
          this._markers.push([id, marker]);
        }
      };
      this._completedIds.forEach((id) => mark(id, 'bpmn-done'));
      this._activeIds.forEach((id) => mark(id, 'bpmn-current'));
      Object.entries(this._heat).forEach(([id, value]) => {
        const element = registry.get(id);
        if (!element || element.waypoints) {
          return;
        }
        const hue = Math.round(120 - 120 * Math.max(0, Math.min(1, value)));
        const box = document.createElement('div');
        box.className = 'bpmn-heat';
        box.style.width = `${element.width}px`;
        box.style.height = `${element.height}px`;
        box.style.background = `hsl(${hue}, 85%, 50%)`;
        overlays.add(id, 'heat', { position: { top: 0, left: 0 }, html: box });
      });
      Object.entries(this._heatLabels).forEach(([id, text]) => {
        const element = registry.get(id);
        if (!element || element.waypoints || !text) {
          return;
        }
        const label = document.createElement('div');
        label.className = 'bpmn-heat-label';
        label.textContent = text;
        overlays.add(id, 'heat', { position: { bottom: 8, left: 0 }, html: label });
      });
    }
  }

  customElements.define('bpmn-diagram', BpmnDiagram);
})();

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

const STYLE_ID = 'bpmn-diagram-style';
const STYLE = `
bpmn-diagram { display: block; position: relative; min-height: 320px; border: 1px solid var(--lumo-contrast-20pct); border-radius: var(--lumo-border-radius-m); background: var(--lumo-base-color); }
bpmn-diagram .bpmn-diagram-canvas { position: absolute; inset: 0; }
bpmn-diagram .bpmn-done:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #2e7d32 !important; fill: #e8f5e9 !important; }
bpmn-diagram .bpmn-done.djs-connection .djs-visual > path { stroke: #2e7d32 !important; stroke-width: 3px !important; }
bpmn-diagram .bpmn-current:not(.djs-connection) .djs-visual > :nth-child(1) { stroke: #e65100 !important; stroke-width: 4px !important; fill: #fff3e0 !important; }
bpmn-diagram .bpmn-heat { border-radius: 10px; opacity: 0.55; pointer-events: none; }
bpmn-diagram .bpmn-heat-label { background: #263238; color: #fff; font: 12px/1.4 var(--lumo-font-family); padding: 1px 6px; border-radius: 4px; white-space: nowrap; }
`;

/**
 * A read-only BPMN diagram (bpmn-js NavigatedViewer: pan and zoom). Properties set by the server:
 * xml, activeIds (highlighted as current), completedIds (marked as done), heat (id → 0..1, drawn as a
 * coloured overlay) and heatLabels (id → text shown on the element).
 */
class BpmnDiagram extends HTMLElement {
  private viewer: any;
  private canvasElement?: HTMLDivElement;
  private renderedXml = '';
  private pending = false;
  private markers: Array<[string, string]> = [];
  private _xml = '';
  private _activeIds: string[] = [];
  private _completedIds: string[] = [];
  private _heat: Record<string, number> = {};
  private _heatLabels: Record<string, string> = {};

  connectedCallback() {
    for (const name of ['xml', 'activeIds', 'completedIds', 'heat', 'heatLabels']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = (this as any)[name];
        delete (this as any)[name];
        (this as any)[name] = value;
      }
    }
    if (!document.getElementById(STYLE_ID)) {
      const style = document.createElement('style');
      style.id = STYLE_ID;
      style.textContent = STYLE;
      document.head.appendChild(style);
    }
    if (!this.canvasElement) {
      this.canvasElement = document.createElement('div');
      this.canvasElement.className = 'bpmn-diagram-canvas';
      this.appendChild(this.canvasElement);
      this.viewer = new NavigatedViewer({ container: this.canvasElement });
    }
    this.schedule();
  }

  set xml(value: string) { this._xml = value || ''; this.schedule(); }
  get xml() { return this._xml; }
  set activeIds(value: string[]) { this._activeIds = value || []; this.schedule(); }
  get activeIds() { return this._activeIds; }
  set completedIds(value: string[]) { this._completedIds = value || []; this.schedule(); }
  get completedIds() { return this._completedIds; }
  set heat(value: Record<string, number>) { this._heat = value || {}; this.schedule(); }
  get heat() { return this._heat; }
  set heatLabels(value: Record<string, string>) { this._heatLabels = value || {}; this.schedule(); }
  get heatLabels() { return this._heatLabels; }

  private schedule() {
    if (this.pending || !this.viewer) {
      return;
    }
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.render().catch((e) => console.error('bpmn-diagram', e));
    });
  }

  private async render() {
    if (!this._xml) {
      return;
    }
    if (this._xml !== this.renderedXml) {
      await this.viewer.importXML(this._xml);
      this.renderedXml = this._xml;
      this.markers = [];
      this.viewer.get('canvas').zoom('fit-viewport', 'auto');
    }
    const canvas = this.viewer.get('canvas');
    const registry = this.viewer.get('elementRegistry');
    const overlays = this.viewer.get('overlays');
    this.markers.forEach(([id, marker]) => canvas.removeMarker(id, marker));
    this.markers = [];
    overlays.remove({ type: 'heat' });
    const mark = (id: string, marker: string) => {
      if (registry.get(id)) {
        canvas.addMarker(id, marker);
        this.markers.push([id, marker]);
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
      const text = this._heatLabels[id];
      if (text) {
        const label = document.createElement('div');
        label.className = 'bpmn-heat-label';
        label.textContent = text;
        overlays.add(id, 'heat', { position: { bottom: 8, left: 0 }, html: label });
      }
    });
  }
}

if (!customElements.get('bpmn-diagram')) {
  customElements.define('bpmn-diagram', BpmnDiagram);
}

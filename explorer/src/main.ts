import { downloadAsPNG } from '@sigma/export-image';
import type Graph from 'graphology';
import { request } from './api';
import type { CareerStage, ExplorerCirculationQuery, ExplorerJapaneseNamesQuery, ExplorerVisitsQuery, VisitStatus } from './gql/graphql';
import { bilingual, messages, type Messages } from './i18n';
import { fiscalYearsOf, groupedGraph, markPlanned, personGraph, shortLabel, personPasses, tiePasses, toNetworkData, type EdgeAttrs, type NetworkData, type NodeAttrs, type VisitStatusIndex } from './model';
import { NetworkView } from './network';
import { BridgesQuery, CentralityQuery, CirculationQuery, DoneTiesQuery, GroupDetailsQuery, JapaneseNamesQuery, NetworkQuery, PathQuery, PersonDetailsQuery, SearchQuery, TieEvidenceQuery, VisitsQuery } from './queries';
import { parseState, serializeState, type Mode, type ViewState } from './state';
import { groupDetails, personDetails, type DetailsActions } from './ui/details';
import { byId, h, replace } from './ui/dom';
import { bridgesList, legend, pathPanel, type Bridge, type Path } from './ui/panels';
import { circulationFigures, gantt, type VisitRow } from './ui/timeline';

/** Above this many people the view starts from groups; `?groupAbove=N` changes it. */
const GROUP_ABOVE = Number(new URLSearchParams(location.search).get('groupAbove')) || 1500;
const STAGES: CareerStage[] = ['GRADUATE_STUDENT', 'POSTDOC', 'ASSISTANT_PROFESSOR', 'LECTURER', 'ASSOCIATE_PROFESSOR', 'PROFESSOR', 'RESEARCHER', 'SENIOR_RESEARCHER', 'UNKNOWN'];
const STATUSES: VisitStatus[] = ['COMPLETED', 'IN_PROGRESS', 'PLANNED', 'CANCELLED'];
const MODES: Mode[] = ['network', 'bridges', 'path', 'timeline'];


/**
 * The explorer: one state object (mirrored in the URL), the API's answers, and a sigma view.
 * A state change re-renders the side panels (cheap) and refreshes the view's reducers; only a
 * level change asks the API for the network again.
 */
class Explorer implements DetailsActions {
  private state: ViewState = parseState(location.search, navigator.language);
  private data: NetworkData | null = null;
  private view: NetworkView | null = null;
  private betweenness = new Map<string, number>();
  private statuses: VisitStatusIndex | null = null;
  private visits: VisitRow[] | null = null;
  private circulation = new Map<number, ExplorerCirculationQuery['circulation']>();
  private bridges: Bridge[] | null = null;
  private path: Path | undefined = undefined;
  private expanded = new Set<string>();
  private focusIds = new Set<string>();
  private focusEdgeIds = new Set<string>();
  private layoutRunning = false;
  private loadToken = 0;
  private nodeIndex = new Map<string, NetworkData['nodes'][number]>();
  private edgeIndex = new Map<string, NetworkData['edges'][number]>();

  private get m(): Messages {
    return messages(this.state.lang);
  }

  async start(): Promise<void> {
    this.renderChrome();
    this.bindKeys();
    await this.loadNetwork();
  }

  // ---- state -------------------------------------------------------------------------------

  private set(patch: Partial<ViewState>, opts: { regraph?: boolean } = {}): void {
    const before = this.state;
    this.state = { ...this.state, ...patch };
    history.replaceState(null, '', `${location.pathname}${serializeState(this.state)}`);
    document.body.dataset.selected = this.state.selected ?? '';
    if (patch.level && patch.level !== before.level) {
      this.bridges = null;
      void this.loadNetwork();
      return;
    }
    if (patch.statuses?.length && !this.statuses) void this.loadVisits();
    if (opts.regraph && this.isGrouped()) this.showGraph();
    this.updateFocus();
    this.renderChrome();
    this.view?.refresh();
  }

  private isGrouped(): boolean {
    return this.state.grouped ?? (this.data?.nodes.length ?? 0) > GROUP_ABOVE;
  }

  // ---- loading -----------------------------------------------------------------------------

  private async loadNetwork(): Promise<void> {
    const token = ++this.loadToken;
    this.setStatus(this.m.loading);
    const answer = await request(NetworkQuery, { level: this.state.level });
    if (token !== this.loadToken) return;
    performance.mark('kizuna:network-answer');
    this.data = toNetworkData(answer);
    this.nodeIndex = new Map(this.data.nodes.map((n) => [n.id, n]));
    this.edgeIndex = new Map(this.data.edges.map((e) => [e.id, e]));
    this.expanded.clear();
    this.showGraph();
    this.updateFocus();
    this.renderChrome();
    document.body.dataset.ready = 'network';
    // The first frame with the network drawn (sigma renders on the next animation frame).
    requestAnimationFrame(() => performance.mark('kizuna:first-render'));
    // Sizes, bridges and the selection's details follow the first render, never delay it.
    void this.loadDoneTies(token).then(() => this.loadBetweenness(token)).then(() => this.loadTieEvidence(token));
    if (this.state.mode === 'bridges') void this.loadBridges();
    if (this.state.mode === 'timeline' || this.state.statuses.length) void this.loadVisits();
    if (this.state.mode === 'path' && this.state.from && this.state.to) void this.findPath();
    if (this.state.selected) void this.showDetails(this.state.selected);
    if (this.state.lang === 'ja') void this.loadJapaneseNames();
  }

  private async loadBetweenness(token: number): Promise<void> {
    const answer = await request(CentralityQuery, { level: this.state.level, first: 1000 });
    if (token !== this.loadToken) return;
    this.betweenness = new Map(answer.brokerage.map((b) => [b.person.id, b.betweenness]));
    this.applySizes();
  }

  /** Up to this many people, node labels switch script with the page (one page of names per 100 people). */
  private static readonly JA_LABELS_MAX = 2000;
  private japaneseNames: Map<string, string> | null = null;

  private async loadJapaneseNames(): Promise<void> {
    if (this.japaneseNames || !this.data || this.data.nodes.length > Explorer.JA_LABELS_MAX) return;
    const names = new Map<string, string>();
    let after: string | null = null;
    for (let page = 0; page < Explorer.JA_LABELS_MAX / 100; page++) {
      const answer: ExplorerJapaneseNamesQuery = await request(JapaneseNamesQuery, { after });
      for (const { node } of answer.people.edges) if (node.nameJa ?? node.familyNameJa) names.set(node.id, (node.nameJa ?? node.familyNameJa)!);
      if (!answer.people.pageInfo.hasNextPage) break;
      after = answer.people.pageInfo.endCursor;
    }
    this.japaneseNames = names;
    this.applyLabels();
  }

  /** Node labels in the page's language: Japanese names where the data has them. */
  private applyLabels(): void {
    const graph = this.view?.graph;
    if (!graph) return;
    graph.forEachNode((id, a) => {
      if (a.kind !== 'person') return;
      const ja = this.state.lang === 'ja' ? this.japaneseNames?.get(id) : undefined;
      graph.setNodeAttribute(id, 'label', shortLabel(ja ?? this.nodeIndex.get(id)?.label ?? id));
    });
  }

  private async loadDoneTies(token: number): Promise<void> {
    const answer = await request(DoneTiesQuery, { level: this.state.level });
    if (token !== this.loadToken || !this.data || !this.view) return;
    this.data.doneEdges = new Set(answer.graph.edges.map((e) => e.id));
    if (this.isGrouped()) this.showGraph();
    else markPlanned(this.view.graph, this.data);
    this.renderStatus();
  }

  private async loadTieEvidence(token: number): Promise<void> {
    const answer = await request(TieEvidenceQuery, { level: this.state.level });
    if (token !== this.loadToken || !this.data) return;
    this.data.evidence = new Map(answer.graph.edges.map((e) => [e.id, e]));
    if (this.isGrouped() && (this.state.fiscalYear !== null || this.state.statuses.length)) this.showGraph();
    this.renderChrome();
    this.view?.refresh();
    document.body.dataset.evidence = 'loaded';
  }

  private applySizes(): void {
    const graph = this.view?.graph;
    if (!graph) return;
    const max = Math.max(1e-9, ...this.betweenness.values());
    graph.forEachNode((id, a) => {
      if (a.kind === 'person') graph.setNodeAttribute(id, 'size', 4 + 14 * Math.sqrt((this.betweenness.get(id) ?? 0) / max));
    });
  }

  private async loadBridges(): Promise<void> {
    const answer = await request(BridgesQuery, { level: this.state.level, earlyCareerOnly: true, includePlanned: false });
    this.bridges = answer.bridges;
    this.updateFocus();
    this.renderChrome();
    this.view?.refresh();
  }

  /** Every visit, page by page (100 a page); the timeline and the status filter need them. */
  private async loadVisits(): Promise<void> {
    if (this.visits) return;
    this.visits = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const answer: ExplorerVisitsQuery = await request(VisitsQuery, { after });
      this.visits.push(...answer.visits.edges.map((e) => e.node));
      if (!answer.visits.pageInfo.hasNextPage) break;
      after = answer.visits.pageInfo.endCursor;
    }
    this.statuses = new Map(this.visits.map((v) => [v.id, v.status]));
    if (this.isGrouped()) this.showGraph();
    this.renderChrome();
    this.view?.refresh();
  }

  private async loadCirculation(fy: number): Promise<void> {
    if (this.circulation.has(fy)) return;
    const answer = await request(CirculationQuery, { fiscalYear: fy });
    this.circulation.set(fy, answer.circulation);
    this.renderChrome();
  }

  private async findPath(): Promise<void> {
    const { from, to } = this.state;
    if (!from || !to) return;
    const answer = await request(PathQuery, { from, to, includePlanned: this.state.planned });
    this.path = answer.collaborationPath;
    this.updateFocus();
    this.renderChrome();
    this.view?.refresh();
    document.body.dataset.path = this.path ? 'found' : 'none';
  }

  // ---- the graph -----------------------------------------------------------------------------

  private showGraph(): void {
    if (!this.data) return;
    const graph: Graph<NodeAttrs, EdgeAttrs> = this.isGrouped() ? groupedGraph(this.data, this.state, this.expanded, this.statuses) : personGraph(this.data);
    const previous = this.view?.graph;
    if (this.view) {
      this.view.setGraph(graph, previous);
      this.view.onLayoutChange(this.view.layoutRunning());
    }
    else {
      this.view = new NetworkView(byId('graph'), graph, {
        nodeVisible: (id, a) => this.nodeVisible(id, a),
        edgeVisible: (id, a) => this.edgeVisible(id, a),
        focus: () => this.focusIds,
        focusEdges: () => this.focusEdgeIds,
        selected: () => this.state.selected,
      });
      this.view.onLayoutChange = (running) => {
        this.layoutRunning = running;
        document.body.dataset.layout = running ? 'running' : 'done';
        this.renderStatus();
      };
      this.view.onLayoutChange(this.view.layoutRunning());
      this.view.sigma.on('clickNode', ({ node }) => this.clickNode(node));
      this.view.sigma.on('clickStage', () => this.set({ selected: null }));
    }
    this.applySizes();
    if (this.state.lang === 'ja') this.applyLabels();
  }

  private nodeVisible(id: string, a: NodeAttrs): boolean {
    if (a.kind === 'group') return true; // the grouped view is built from filtered people
    const row = this.nodeIndex.get(id);
    return row ? personPasses(row, this.state) : true;
  }

  private edgeVisible(id: string, a: EdgeAttrs): boolean {
    if (this.isGrouped()) return a.planned ? this.state.planned : true;
    const row = this.edgeIndex.get(id);
    return row ? tiePasses(row, a.planned, this.state, this.data?.evidence?.get(id), this.statuses) : true;
  }


  private clickNode(id: string): void {
    const attrs = this.view?.graph.getNodeAttributes(id);
    if (attrs?.kind === 'group') {
      // A click on a group opens it: its people replace it, laid out where it was.
      this.expanded.add(id);
      this.showGraph();
      this.set({ selected: id });
      return;
    }
    this.select(id);
  }

  select(id: string): void {
    this.set({ selected: id });
    void this.showDetails(id);
    this.view?.focusNode(id);
  }

  pathFrom(id: string): void {
    this.set({ from: id, mode: 'path' });
    void this.findPath();
  }

  pathTo(id: string): void {
    this.set({ to: id, mode: 'path' });
    void this.findPath();
  }

  /** Highlights: the selection and its neighbours; the bridges in bridges mode; the path in path mode. */
  private updateFocus(): void {
    this.focusIds = new Set();
    this.focusEdgeIds = new Set();
    const graph = this.view?.graph;
    if (!graph) return;
    const { mode, selected } = this.state;
    if (mode === 'bridges' && this.bridges) for (const b of this.bridges) this.focusIds.add(b.person.id);
    if (mode === 'path' && this.path) {
      const ids = this.path.people.map((p) => p.id);
      ids.forEach((id) => this.focusIds.add(id));
      for (let i = 1; i < ids.length; i++) if (graph.hasNode(ids[i - 1]) && graph.hasNode(ids[i])) {
        const e = graph.edge(ids[i - 1], ids[i]);
        if (e) this.focusEdgeIds.add(e);
      }
    }
    if (selected && graph.hasNode(selected) && mode !== 'path') {
      this.focusIds.add(selected);
      graph.forEachNeighbor(selected, (n) => this.focusIds.add(n));
      graph.forEachEdge(selected, (e) => this.focusEdgeIds.add(e));
    }
  }

  // ---- panels --------------------------------------------------------------------------------

  private details: HTMLElement | null = null;

  private async showDetails(id: string): Promise<void> {
    const m = this.m;
    const lang = this.state.lang;
    try {
      if (id.startsWith('person:')) {
        const answer = await request(PersonDetailsQuery, { id, level: this.state.level });
        this.details = answer.person ? personDetails(m, lang, answer.person, answer.brokerage[0], this) : h('p', {}, id);
      } else {
        const answer = await request(GroupDetailsQuery, { id });
        this.details = answer.node ? groupDetails(m, lang, answer.node, this) : h('p', {}, id);
      }
    } catch (error) {
      this.details = h('p', { class: 'error' }, `${m.error}: ${(error as Error).message}`);
    }
    if (this.state.selected === id) this.renderChrome();
  }

  private renderChrome(): void {
    const m = this.m;
    document.documentElement.lang = this.state.lang;
    document.title = m.title;
    byId('title').textContent = m.title;
    const search = byId<HTMLInputElement>('search');
    search.placeholder = m.search;
    search.setAttribute('aria-label', m.search);
    replace(byId('modes'), MODES.map((mode) => h('button', {
      type: 'button', role: 'tab', 'aria-selected': String(this.state.mode === mode), 'data-mode': mode,
      onclick: () => this.setMode(mode),
    }, m.modes[mode])));
    replace(byId('level-box'), h('label', {}, `${m.level} `, this.levelSelect()));
    byId('lang').textContent = this.state.lang === 'ja' ? 'English' : '日本語';
    byId('export-png').textContent = m.exportPng;
    const gexf = byId<HTMLAnchorElement>('export-gexf');
    gexf.textContent = m.exportGexf;
    gexf.href = `/export?format=gexf&level=${this.state.level}${this.state.planned ? '&includePlanned=true' : ''}${this.state.selected?.startsWith('person:') ? `&id=${encodeURIComponent(this.state.selected)}&hops=2` : ''}`;
    this.renderFilters();
    this.renderPanel();
    this.renderLegend();
    this.renderStatus();
    this.renderTimeline();
  }

  private setMode(mode: Mode): void {
    this.set({ mode });
    if (mode === 'bridges' && !this.bridges) void this.loadBridges();
    if (mode === 'timeline') {
      void this.loadVisits();
      if (this.state.fiscalYear !== null) void this.loadCirculation(this.state.fiscalYear);
    }
  }

  private levelSelect(): HTMLSelectElement {
    const select = h('select', { id: 'level', onchange: (e: Event) => this.set({ level: (e.target as HTMLSelectElement).value as ViewState['level'] }) },
      (['LAB', 'INSTITUTION', 'COUNTRY'] as const).map((l) => h('option', { value: l, selected: l === this.state.level }, this.m.levels[l])));
    return select;
  }

  private renderFilters(): void {
    const m = this.m;
    const s = this.state;
    const data = this.data;
    const countries = data ? [...data.colours.keys()].sort() : [];
    const years = data?.evidence ? fiscalYearsOf(data.evidence.values()) : [];
    const toggle = <T extends string>(list: T[], value: T) => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);
    const check = (label: string | Node, checked: boolean, onchange: () => void, attrs: Record<string, string> = {}) =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', checked, onchange, ...attrs }), label);
    const fyIndex = s.fiscalYear === null ? 0 : years.indexOf(s.fiscalYear) + 1;
    replace(byId('filters'),
      h('h2', {}, m.filters),
      h('fieldset', {}, h('legend', {}, m.country),
        countries.map((c) => check(h('span', {}, h('span', { class: 'swatch', style: `background:${data!.colours.get(c)}` }), this.countryName(c)), s.countries.includes(c),
          () => this.set({ countries: toggle(s.countries, c) }, { regraph: true }), { 'data-country': c }))),
      h('fieldset', {}, h('legend', {}, m.stage),
        STAGES.map((st) => check(m.stages[st], s.stages.includes(st), () => this.set({ stages: toggle(s.stages, st) }, { regraph: true }), { 'data-stage': st }))),
      h('fieldset', {}, h('legend', {}, m.fiscalYear),
        h('input', { type: 'range', id: 'fy', min: 0, max: years.length, step: 1, value: fyIndex, 'aria-label': m.fiscalYear,
          oninput: (e: Event) => {
            const i = Number((e.target as HTMLInputElement).value);
            const fy = i === 0 ? null : years[i - 1];
            this.set({ fiscalYear: fy }, { regraph: true });
            if (fy !== null && this.state.mode === 'timeline') void this.loadCirculation(fy);
          } }),
        h('output', { for: 'fy' }, s.fiscalYear === null ? m.allYears : `FY${s.fiscalYear}`)),
      h('fieldset', {}, h('legend', {}, m.visitStatus),
        STATUSES.map((st) => check(m.statuses[st], s.statuses.includes(st), () => this.set({ statuses: toggle(s.statuses, st) }, { regraph: true }), { 'data-status': st }))),
      check(m.earlyOnly, s.earlyCareerOnly, () => this.set({ earlyCareerOnly: !s.earlyCareerOnly }, { regraph: true }), { id: 'early' }),
      check(m.planned, s.planned, () => this.set({ planned: !s.planned }, { regraph: true }), { id: 'planned' }),
      check(m.grouped, this.isGrouped(), () => { this.state.grouped = !this.isGrouped(); this.expanded.clear(); this.showGraph(); this.set({}); }, { id: 'grouped' }),
      h('button', { type: 'button', onclick: () => this.set({ countries: [], stages: [], fiscalYear: null, statuses: [], earlyCareerOnly: false, planned: true }, { regraph: true }) }, m.reset),
      h('p', { class: 'muted small' }, m.keyboardHelp),
    );
  }

  private countryName(code: string): string {
    const c = this.data?.countries.find((x) => x.code === code);
    return c ? `${code} ${this.state.lang === 'ja' && c.nameJa ? c.nameJa : c.name}` : code;
  }

  private renderPanel(): void {
    const m = this.m;
    const panel = byId('panel');
    const { mode } = this.state;
    const parts: (HTMLElement | null)[] = [];
    if (mode === 'bridges') parts.push(bridgesList(m, this.state.lang, this.state.level, this.bridges, this.state.selected, (id) => this.select(id)));
    if (mode === 'path')
      parts.push(pathPanel(m, this.state.lang, {
        people: this.data?.nodes ?? [], from: this.state.from, to: this.state.to, path: this.path,
        setEnd: (end, id) => this.set({ [end]: id }),
        find: () => void this.findPath(),
      }));
    if (mode === 'timeline') parts.push(circulationFigures(m, this.state.fiscalYear, this.state.fiscalYear === null ? null : this.circulation.get(this.state.fiscalYear) ?? null));
    parts.push(h('h2', {}, m.details));
    parts.push(this.state.selected && this.details?.dataset.id === this.state.selected ? this.details : h('p', { class: 'muted' }, this.state.selected ? m.loading : m.nothingSelected));
    replace(panel, parts);
  }

  private renderLegend(): void {
    replace(byId('legend'), legend(this.m, this.data ? [...this.data.colours.entries()] : []));
  }

  private renderStatus(): void {
    const graph = this.view?.graph;
    const status = byId('status');
    if (!graph || !this.data) return;
    let nodes = 0;
    let edges = 0;
    graph.forEachNode((id, a) => { if (this.nodeVisible(id, a)) nodes++; });
    graph.forEachEdge((id, a, s, t, sa, ta) => { if (this.edgeVisible(id, a) && this.nodeVisible(s, sa) && this.nodeVisible(t, ta)) edges++; });
    const text = this.isGrouped() ? this.m.showingGroups(nodes, edges) : this.m.showing(nodes, this.data.nodes.length, edges);
    status.textContent = `${text}${this.layoutRunning ? ` · ${this.m.layoutRunning}` : ''}`;
    status.dataset.visibleNodes = String(nodes);
    status.dataset.visibleEdges = String(edges);
  }

  private renderTimeline(): void {
    const box = byId('timeline');
    box.hidden = this.state.mode !== 'timeline';
    document.body.dataset.mode = this.state.mode;
    if (box.hidden) return;
    replace(box, this.visits ? gantt(this.m, this.state.lang, this.visits, this.state.fiscalYear, Math.max(600, box.clientWidth - 24), (id) => this.select(id)) : h('p', {}, this.m.loading));
  }

  private setStatus(text: string): void {
    byId('status').textContent = text;
  }

  nodeLabel(id: string): string | null {
    return this.view?.graph.hasNode(id) ? this.view.graph.getNodeAttribute(id, 'label') : null;
  }

  nodeIds(): string[] {
    return this.view?.graph.nodes() ?? [];
  }

  nodeViewport(id: string): { x: number; y: number } | null {
    const graph = this.view?.graph;
    if (!graph?.hasNode(id)) return null;
    const { x, y } = graph.getNodeAttributes(id);
    return this.view!.sigma.graphToViewport({ x, y });
  }

  // ---- search, keys, export ------------------------------------------------------------------

  bindChrome(): void {
    byId('lang').addEventListener('click', () => {
      this.set({ lang: this.state.lang === 'ja' ? 'en' : 'ja' });
      if (this.state.lang === 'ja') void this.loadJapaneseNames();
      this.applyLabels();
      if (this.state.selected) void this.showDetails(this.state.selected);
    });
    byId('export-png').addEventListener('click', () => {
      if (this.view) void downloadAsPNG(this.view.sigma as unknown as Parameters<typeof downloadAsPNG>[0], { fileName: 'kizuna-network', backgroundColor: '#ffffff' });
    });
    const search = byId<HTMLInputElement>('search');
    const results = byId('search-results');
    let timer: number | undefined;
    search.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void this.search(search.value, results), 200);
    });
  }

  private async search(text: string, results: HTMLElement): Promise<void> {
    if (!text.trim()) return replace(results);
    const answer = await request(SearchQuery, { text });
    replace(results, answer.search.map((hit) => {
      const n = hit.node as { id: string; displayName?: string; name?: string; nameJa?: string | null; shortName?: string | null; title?: string };
      const label = n.displayName ? bilingual(this.state.lang, n.displayName, n.nameJa) : n.title ?? bilingual(this.state.lang, n.shortName ? `${n.name} (${n.shortName})` : n.name, n.nameJa);
      return h('li', { role: 'option' }, h('button', { type: 'button', 'data-id': n.id, onclick: () => { replace(results); this.select(n.id); } }, label, h('span', { class: 'muted' }, ` ${n.id.split(':')[0]}`)));
    }));
    document.body.dataset.search = String(answer.search.length);
  }

  private bindKeys(): void {
    document.addEventListener('keydown', (e) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        byId('search').focus();
      } else if (e.key === 'Escape') {
        replace(byId('search-results'));
        this.set({ selected: null });
        void this.view?.sigma.getCamera().animatedReset({ duration: 300 });
      } else if (!typing && (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        e.preventDefault();
        this.step(e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1);
      }
    });
  }

  /** Arrows move the selection through the visible people (bridges mode: through the bridges list). */
  private step(delta: number): void {
    const graph = this.view?.graph;
    if (!graph) return;
    const ids = this.state.mode === 'bridges' && this.bridges ? this.bridges.map((b) => b.person.id)
      : graph.filterNodes((id, a) => a.kind === 'person' && this.nodeVisible(id, a)).sort((a, b) => graph.getNodeAttribute(a, 'label').localeCompare(graph.getNodeAttribute(b, 'label')));
    if (!ids.length) return;
    const i = this.state.selected ? ids.indexOf(this.state.selected) : -1;
    this.select(ids[(i + delta + ids.length) % ids.length]);
    document.querySelector<HTMLElement>(`[data-person="${CSS.escape(this.state.selected ?? '')}"]`)?.focus();
  }
}

const explorer = new Explorer();
// For tests and the benchmark: where a node is drawn, in CSS pixels of the graph container.
(window as unknown as { kizunaExplorer: unknown }).kizunaExplorer = {
  nodeViewport: (id: string) => explorer.nodeViewport(id),
  nodeIds: () => explorer.nodeIds(),
  nodeLabel: (id: string) => explorer.nodeLabel(id),
};
explorer.bindChrome();
explorer.start().catch((error: Error) => {
  byId('status').textContent = `Error: ${error.message}`;
  console.error(error);
});

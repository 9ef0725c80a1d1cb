// @ts-check
/**
 * The timeline preview's webview script. It receives DATA (a laid-out scene and a table, see
 * language/timeline/timeline-protocol.ts) and builds the DOM with createElementNS, setAttribute
 * and textContent only: plan text is never parsed as markup. Clicking (or Enter on) an item asks
 * the extension to reveal its declaration; the message names the item, never a range.
 *
 * What VS Code keeps on disk for a reload (`setState`) identifies the plan and the view only: the
 * document URI, the plan's name and the scroll position. Never the drawing or any plan text: after
 * a reload the extension asks the language server again and the answer is drawn afresh.
 */
(function () {
    'use strict';

    // acquireVsCodeApi may be called once; keep the handle out of the global scope.
    // @ts-expect-error provided by VS Code inside webviews
    const vscode = acquireVsCodeApi();
    const SVG_NS = 'http://www.w3.org/2000/svg';
    const CLASS_PATTERN = /^[A-Za-z0-9 _-]{0,200}$/;
    const figure = /** @type {HTMLElement} */ (document.getElementById('vp-figure'));
    const tableHost = /** @type {HTMLElement} */ (document.getElementById('vp-table'));
    const status = /** @type {HTMLElement} */ (document.getElementById('vp-status'));
    let shownSeq = 0;

    /**
     * The state worth keeping across a reload, from whatever was stored (older versions stored
     * the whole drawing: it is dropped here).
     * @param {any} raw
     * @returns {{ uri?: string, planId?: string, scrollX: number, scrollY: number }}
     */
    function viewState(raw) {
        const state = { scrollX: 0, scrollY: 0 };
        if (!raw || typeof raw !== 'object') return state;
        const text = (/** @type {unknown} */ value, /** @type {number} */ max) => (typeof value === 'string' && value.length <= max ? value : undefined);
        const scroll = (/** @type {unknown} */ value) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : 0);
        const uri = text(raw.uri, 8192);
        const planId = text(raw.planId, 200);
        return { ...(uri !== undefined ? { uri } : {}), ...(planId !== undefined ? { planId } : {}), scrollX: scroll(raw.scrollX), scrollY: scroll(raw.scrollY) };
    }

    let saved = viewState(vscode.getState());
    vscode.setState(saved);
    /** The scroll position to restore once the first drawing of the same plan arrives after a reload. */
    let pendingScroll = saved.scrollX > 0 || saved.scrollY > 0 ? { uri: saved.uri, planId: saved.planId, x: saved.scrollX, y: saved.scrollY } : undefined;

    /** @param {unknown} value */
    function num(value) {
        return typeof value === 'number' && Number.isFinite(value) ? String(value) : '0';
    }

    /** @param {unknown} value */
    function cls(value) {
        return typeof value === 'string' && CLASS_PATTERN.test(value) ? value : '';
    }

    /** @param {string} name @param {Record<string, string>} attributes */
    function svg(name, attributes) {
        const element = document.createElementNS(SVG_NS, name);
        for (const key of Object.keys(attributes)) {
            if (attributes[key] !== '') element.setAttribute(key, attributes[key]);
        }
        return element;
    }

    /** @param {string} itemId */
    function reveal(itemId) {
        vscode.postMessage({ type: 'reveal', itemId });
    }

    /** @param {Element} element @param {string} itemId @param {string} label */
    function makeInteractive(element, itemId, label) {
        element.setAttribute('tabindex', '0');
        element.setAttribute('role', 'button');
        element.setAttribute('aria-label', label);
        element.setAttribute('data-item', itemId);
        element.addEventListener('click', () => reveal(itemId));
        element.addEventListener('keydown', event => {
            const key = /** @type {KeyboardEvent} */ (event).key;
            if (key === 'Enter' || key === ' ') { event.preventDefault(); reveal(itemId); }
        });
    }

    /** @param {any} node @returns {Element | undefined} */
    function buildNode(node) {
        if (!node || typeof node !== 'object') return undefined;
        switch (node.type) {
            case 'rect':
                return svg('rect', { class: cls(node.className), x: num(node.x), y: num(node.y), width: num(node.width), height: num(node.height) });
            case 'line':
                return svg('line', { class: cls(node.className), x1: num(node.x1), y1: num(node.y1), x2: num(node.x2), y2: num(node.y2) });
            case 'polygon': {
                const points = Array.isArray(node.points) ? node.points.map((/** @type {unknown[]} */ p) => `${num(p?.[0])},${num(p?.[1])}`).join(' ') : '';
                return svg('polygon', { class: cls(node.className), points });
            }
            case 'text': {
                const anchor = node.anchor === 'middle' || node.anchor === 'end' ? node.anchor : '';
                const text = svg('text', { class: cls(node.className), x: num(node.x), y: num(node.y), 'text-anchor': anchor });
                text.textContent = typeof node.text === 'string' ? node.text : '';
                return text;
            }
            case 'g': {
                const group = svg('g', { class: cls(node.className) });
                if (typeof node.title === 'string' && node.title) {
                    const title = document.createElementNS(SVG_NS, 'title');
                    title.textContent = node.title;
                    group.appendChild(title);
                }
                for (const child of Array.isArray(node.children) ? node.children : []) {
                    const built = buildNode(child);
                    if (built) group.appendChild(built);
                }
                if (typeof node.itemId === 'string' && node.itemId && node.range) {
                    makeInteractive(group, node.itemId, typeof node.title === 'string' ? node.title.split('\n')[0] : node.itemId);
                }
                return group;
            }
            default:
                return undefined;
        }
    }

    /** @param {any} scene */
    function buildScene(scene) {
        const width = num(scene.width);
        const height = num(scene.height);
        const root = svg('svg', { class: 'vp-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
        const title = document.createElementNS(SVG_NS, 'title');
        title.textContent = typeof scene.title === 'string' ? scene.title : '';
        root.appendChild(title);
        for (const element of Array.isArray(scene.elements) ? scene.elements : []) {
            const built = buildNode(element);
            if (built) root.appendChild(built);
        }
        return root;
    }

    /** @param {any} table */
    function buildTable(table) {
        const element = document.createElement('table');
        element.className = 'vp-table';
        const caption = document.createElement('caption');
        caption.textContent = typeof table.caption === 'string' ? table.caption : '';
        element.appendChild(caption);
        const head = document.createElement('thead');
        const headRow = document.createElement('tr');
        for (const column of Array.isArray(table.columns) ? table.columns : []) {
            const th = document.createElement('th');
            th.scope = 'col';
            th.textContent = String(column);
            headRow.appendChild(th);
        }
        head.appendChild(headRow);
        element.appendChild(head);
        const body = document.createElement('tbody');
        for (const row of Array.isArray(table.rows) ? table.rows : []) {
            const tr = document.createElement('tr');
            if (row.hasError === true) tr.className = 'vp-row-error';
            (Array.isArray(row.cells) ? row.cells : []).forEach((/** @type {unknown} */ cell, /** @type {number} */ index) => {
                const td = document.createElement(index === 0 ? 'th' : 'td');
                if (index === 0) /** @type {HTMLTableCellElement} */ (td).scope = 'row';
                if (index === 2 && typeof row.mode === 'string' && CLASS_PATTERN.test(row.mode)) td.className = `vp-cell-mode-${row.mode}`;
                td.textContent = String(cell ?? '');
                tr.appendChild(td);
            });
            if (typeof row.itemId === 'string' && row.itemId && row.range) makeInteractive(tr, row.itemId, String(row.cells?.[3] ?? row.itemId));
            body.appendChild(tr);
        }
        element.appendChild(body);
        return element;
    }

    /** @param {any} table */
    function buildTableLegend(table) {
        if (typeof table.legend !== 'string' || !table.legend) return undefined;
        const legend = document.createElement('p');
        legend.className = 'vp-table-legend';
        legend.textContent = table.legend;
        return legend;
    }

    /** @param {any} view */
    function render(view) {
        status.textContent = view && typeof view.message === 'string' ? view.message : '';
        figure.replaceChildren();
        tableHost.replaceChildren();
        if (!view || !view.scene) return;
        figure.appendChild(buildScene(view.scene));
        if (view.table) {
            tableHost.appendChild(buildTable(view.table));
            const legend = buildTableLegend(view.table);
            if (legend) tableHost.appendChild(legend);
        }
    }

    /** @param {Partial<typeof saved>} changes */
    function saveState(changes) {
        saved = viewState({ ...saved, ...changes });
        vscode.setState(saved);
    }

    window.addEventListener('message', event => {
        const message = event.data;
        if (!message || typeof message !== 'object') return;
        if (message.type === 'update' && typeof message.seq === 'number') {
            if (message.seq <= shownSeq) return; // never an older version after a newer one
            shownSeq = message.seq;
            const view = message.view;
            render(view);
            const uri = typeof view?.uri === 'string' ? view.uri : undefined;
            const planId = typeof view?.planId === 'string' ? view.planId : undefined;
            if (pendingScroll && view?.scene) {
                // The first drawing after a reload: back to where the reader was, if it is the same plan.
                if (pendingScroll.uri === uri && pendingScroll.planId === planId) window.scrollTo(pendingScroll.x, pendingScroll.y);
                pendingScroll = undefined;
            }
            const samePlan = uri === saved.uri && planId === saved.planId;
            saveState({ uri, planId, scrollX: samePlan ? window.scrollX : 0, scrollY: samePlan ? window.scrollY : 0 });
        } else if (message.type === 'reset') {
            shownSeq = 0;
        }
    });

    let scrollTimer = 0;
    window.addEventListener('scroll', () => {
        clearTimeout(scrollTimer);
        scrollTimer = setTimeout(() => saveState({ scrollX: window.scrollX, scrollY: window.scrollY }), 150);
    });
    /** The room the drawing has, so the extension can ask for a layout that fits. */
    function currentWidth() {
        return Math.max(600, Math.round(document.documentElement.clientWidth - 24));
    }
    let resizeTimer = 0;
    let lastWidth = currentWidth();
    window.addEventListener('resize', () => {
        clearTimeout(resizeTimer);
        resizeTimer = setTimeout(() => {
            const width = currentWidth();
            if (Math.abs(width - lastWidth) >= 20) {
                lastWidth = width;
                vscode.postMessage({ type: 'resize', width });
            }
        }, 250);
    });
    vscode.postMessage({ type: 'ready', width: lastWidth });
}());

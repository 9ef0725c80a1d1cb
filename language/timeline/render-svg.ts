/**
 * The SVG backend of the one timeline renderer: serialises a scene (timeline-layout.ts) to
 * markup. Every piece of text goes through `escapeMarkup`; no attribute takes plan text except
 * through it, and nothing the plan says becomes a link, a style or a script.
 */

import type { Locale } from '../i18n/locale.js';
import { escapeMarkup } from './escape.js';
import { layoutTimeline, type SceneElement, type TimelineScene } from './timeline-layout.js';
import type { TimelineModel } from './timeline-model.js';
import { svgStyleSheet } from './timeline-styles.js';

export interface RenderOptions {
    locale?: Locale;
    width?: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function attributes(values: Record<string, string | number | undefined>): string {
    return Object.entries(values)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([name, value]) => ` ${name}="${escapeMarkup(value)}"`)
        .join('');
}

function elementMarkup(element: SceneElement, indent: string): string {
    switch (element.type) {
        case 'rect':
            return `${indent}<rect${attributes({ class: element.className, x: element.x, y: element.y, width: element.width, height: element.height })}/>`;
        case 'line':
            return `${indent}<line${attributes({ class: element.className, x1: element.x1, y1: element.y1, x2: element.x2, y2: element.y2 })}/>`;
        case 'polygon':
            return `${indent}<polygon${attributes({ class: element.className, points: element.points.map(([x, y]) => `${x},${y}`).join(' ') })}/>`;
        case 'text':
            return `${indent}<text${attributes({ class: element.className, x: element.x, y: element.y, 'text-anchor': element.anchor === 'start' ? undefined : element.anchor })}>${escapeMarkup(element.text)}</text>`;
        case 'g': {
            const lines = [`${indent}<g${attributes({ class: element.className, 'data-item': element.itemId })}>`];
            if (element.title) lines.push(`${indent}  <title>${escapeMarkup(element.title)}</title>`);
            for (const child of element.children) lines.push(elementMarkup(child, indent + '  '));
            lines.push(`${indent}</g>`);
            return lines.join('\n');
        }
    }
}

/** The scene as an `<svg>` element; `standalone` adds the XML namespace and the style sheet. */
export function sceneToSvg(scene: TimelineScene, options: { standalone?: boolean; id?: string } = {}): string {
    const lines = [
        // The namespace is a constant of ours, written as is: XML readers compare it literally.
        `<svg xmlns="${SVG_NS}"${attributes({ class: 'vp-svg', id: options.id, width: scene.width, height: scene.height, viewBox: `0 0 ${scene.width} ${scene.height}`, role: 'img', 'aria-labelledby': options.id ? `${options.id}-title` : undefined })}>`,
        `  <title${attributes({ id: options.id ? `${options.id}-title` : undefined })}>${escapeMarkup(scene.title)}</title>`
    ];
    if (options.standalone !== false) lines.push(`  <style>${escapeStyle(svgStyleSheet())}</style>`);
    for (const element of scene.elements) lines.push(elementMarkup(element, '  '));
    lines.push('</svg>');
    return lines.join('\n');
}

/** The style sheet is ours, not plan text; still, keep it from ever closing its element. */
function escapeStyle(css: string): string {
    return css.replace(/</g, '\\3C ');
}

export function renderSvg(model: TimelineModel, options: RenderOptions = {}): string {
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + sceneToSvg(layoutTimeline(model, options), { standalone: true }) + '\n';
}

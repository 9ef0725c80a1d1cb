/**
 * The generated workspaces of the scale benchmark (bench/scale.ts): `count` plans of bench/workload.ts
 * under `plannen/` and one organisation catalogue, in a folder that is the root of one workspace.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueToVplan, generateWorkspace } from './workload.js';
import { planToVplan } from './workload.js';

export interface ScaleWorkspace { folder: string; planPaths: string[]; cataloguePath: string }

export function writeScaleWorkspace(folder: string, count: number): ScaleWorkspace {
    mkdirSync(join(folder, 'plannen'), { recursive: true });
    const workspace = generateWorkspace(count);
    const cataloguePath = join(folder, 'organisaties.vplan');
    writeFileSync(cataloguePath, catalogueToVplan(workspace.catalogue));
    writeFileSync(join(folder, 'vplan.config.json'), '{ "root": true }\n');
    const planPaths: string[] = [];
    for (const plan of workspace.plans) {
        const path = join(folder, 'plannen', `${plan.id}.vplan`);
        writeFileSync(path, planToVplan(plan));
        planPaths.push(path);
    }
    return { folder, planPaths, cataloguePath };
}

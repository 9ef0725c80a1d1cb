/**
 * Rename: Langium's default renames a declaration and every reference, across files (plans,
 * organisations and measure types are global; plan-local names stay in their plan). vplan adds
 * refusals: the built-in catalogue is read-only; the new name must be an identifier that is not a
 * reserved word (spec section 1), or the renamed plan would no longer parse; and it must be free in
 * the namespace of the renamed declaration (spec section 2), or the declaration would become a
 * duplicate (VP080) and its references would resolve to the other one. The namespaces: the
 * members, supporters, risks, measures, interventions and agreements of one plan; and plans,
 * organisations and measure types of the workspace, the built-in catalogue included. A plan-level
 * name may be an organisation's too (it shadows it, which the language allows), so that is no
 * conflict.
 */

import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { isMeasureType, isOrganisation, isPlan } from '../generated/ast.js';
import { planDeclarations } from '../model/ast-queries.js';
import { DefaultRenameProvider } from 'langium/lsp';
import { ResponseError, type Position, type Range, type RenameParams, type TextDocumentPositionParams, type WorkspaceEdit } from 'vscode-languageserver';
import { RESERVED_WORDS } from '../model/vocabulary.js';
import type { VplanServices } from '../vplan-module.js';
import { isBuiltinUri } from '../workspace/builtin-documents.js';
import { text, type Locale } from '../i18n/locale.js';
import { documentLocale } from './vplan-editor-text.js';
import { editorTexts } from './editor-texts.js';

/** JSON-RPC error code for a request the server refuses (LSP `RequestFailed`). */
const REQUEST_FAILED = -32803;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class VplanRenameProvider extends DefaultRenameProvider {
    constructor(protected readonly services: VplanServices) {
        super(services);
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const locale = documentLocale(this.services, document);
        this.refuseBuiltin(document, params.position);
        const name = params.newName;
        if (!IDENTIFIER.test(name)) {
            throw new ResponseError(REQUEST_FAILED, text(editorTexts.invalidName, { name }, locale));
        }
        if (RESERVED_WORDS.has(name)) {
            throw new ResponseError(REQUEST_FAILED, text(editorTexts.reservedName, { name }, locale));
        }
        this.refuseTakenName(this.targetAt(document, params.position), name, locale);
        return super.rename(document, params);
    }

    /** Throws when another declaration in the namespace of `target` already has the name. */
    protected refuseTakenName(target: AstNode | undefined, name: string, locale: Locale): void {
        if (!target || this.nameProvider.getName(target) === name) return;
        if (isPlan(target) || isOrganisation(target) || isMeasureType(target)) {
            // The first declaration of the name that the target's workspace sees (a later duplicate has one before it).
            const taken = this.services.references.GlobalNames.firstDeclarationsFor(target).get(name);
            if (taken) {
                const args = { name, kind: taken.type, builtin: isBuiltinUri(taken.documentUri) };
                throw new ResponseError(REQUEST_FAILED, text(editorTexts.nameTakenInWorkspace, args, locale));
            }
            return;
        }
        const plan = AstUtils.getContainerOfType(target, isPlan);
        const taken = plan && planDeclarations(plan).find(declaration => declaration !== target && declaration.name === name);
        if (taken) throw new ResponseError(REQUEST_FAILED, text(editorTexts.nameTakenInPlan, { name, kind: taken.$type }, locale));
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        this.refuseBuiltin(document, params.position);
        return this.renameNodeRange(document, params.position);
    }

    /** Throws when the name at the position is declared in the built-in catalogue. */
    protected refuseBuiltin(document: LangiumDocument, position: Position): void {
        const target = this.targetAt(document, position);
        if (target && isBuiltinUri(AstUtils.getDocument(target).uri)) {
            const locale = documentLocale(this.services, document);
            throw new ResponseError(REQUEST_FAILED, text(editorTexts.builtinRename, {}, locale));
        }
    }

    protected targetAt(document: LangiumDocument, position: Position): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        if (!leaf) return undefined;
        return this.references.findDeclarations(leaf)[0];
    }
}

import * as vscode from 'vscode';
import type { Entity } from '../analysis/types';
import type { AnalysisCache, PartialAnalysis } from './analysisCache';
import type { Configuration } from './configuration';
import { documentLength, spanToRange } from './convert';
import { LARGE_DOCUMENT, shouldHighlight } from './decorations';
import { entityKey } from './seedsTree';

// Hovers on highlighted entities: what the analysis resolved (a date's value, a place's gazetteer
// entry, a faction's party and relations) and how often the file mentions it.

/** The entity under `offset`; the innermost one if spans nest (a place inside a faction's name). */
export function entityAt(analysis: PartialAnalysis, offset: number): Entity | undefined {
  let found: Entity | undefined;
  for (const entity of analysis.entities) {
    if (entity.start > offset) break;
    if (offset < entity.end && (!found || entity.end - entity.start < found.end - found.start)) found = entity;
  }
  return found;
}

/**
 * The hover's Markdown. Article text is escaped: only our own formatting is Markdown. `scope` says
 * where the mentions were counted (a large document is analysed around the hover only).
 */
export function hoverMarkdown(analysis: PartialAnalysis, entity: Entity, scope = 'in this file'): string {
  const key = entityKey(entity);
  const mentions = analysis.entities.filter((e) => e.type === entity.type && entityKey(e) === key).length;
  const lines: string[] = [];
  if (entity.type === 'date') {
    lines.push(`**Date** ${code(entity.text)}`);
    lines.push(entity.value ? `Resolved to ${code(entity.value)}${describeValue(entity.value)}` : 'Not resolved to a value');
  } else if (entity.type === 'place') {
    lines.push(`**Place** ${escape(entity.canonical ?? entity.text)}`);
    const details = [entity.kind, entity.country && `country ${code(entity.country)}`].filter(Boolean);
    if (details.length) lines.push(details.join(' · '));
    if (entity.lat !== undefined && entity.lon !== undefined) lines.push(`${entity.lat.toFixed(4)}, ${entity.lon.toFixed(4)}`);
  } else {
    const party = analysis.parties.find((p) => p.canonical === key);
    lines.push(`**Faction** ${escape(key)}${party?.kind ?? entity.kind ? ` (${escape(party?.kind ?? entity.kind ?? '')})` : ''}`);
    const aliases = (party?.aliases ?? []).filter((alias) => alias !== key);
    if (aliases.length) lines.push(`Also written: ${aliases.map(escape).join(', ')}`);
    for (const relation of analysis.relations) {
      if (relation.from === key) lines.push(`${relation.kind === 'backs' ? 'Backs' : 'Opposes'} ${escape(relation.to)}`);
      else if (relation.to === key) lines.push(`${relation.kind === 'backs' ? 'Backed by' : 'Opposed by'} ${escape(relation.from)}`);
    }
  }
  lines.push(`${mentions} mention${mentions === 1 ? '' : 's'} ${scope}`);
  return lines.join('\n\n');
}

/** "P9Y" -> " (a duration)": a hint for readers not fluent in ISO 8601. */
function describeValue(value: string): string {
  if (value.startsWith('P')) return ' (a duration)';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
  if (/^\d{4}-\d{2}$/.test(value)) return ' (a month)';
  if (/^\d{4}$/.test(value)) return ' (a year)';
  return '';
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, '\\$&');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Lines analysed either side of a hover in a large document. */
const NEARBY_LINES = 30;

const HOVER_TOGGLE = { date: 'dates', place: 'places', faction: 'factions' } as const;

export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly config: () => Configuration,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const config = this.config();
    if (!shouldHighlight(document, config.highlight) || documentLength(document) > this.cache.maxFileSizeBytes) return undefined;
    const large = documentLength(document) > LARGE_DOCUMENT;
    const analysis = large
      ? this.cache.analyseLines(document, position.line - NEARBY_LINES, position.line + NEARBY_LINES)
      : this.cache.analyseDocument(document);
    const entity = entityAt(analysis, document.offsetAt(position));
    if (!entity || !config.highlight[HOVER_TOGGLE[entity.type]]) return undefined;
    const markdown = hoverMarkdown(analysis, entity, large ? 'in the paragraphs around' : 'in this file');
    return new vscode.Hover(new vscode.MarkdownString(markdown), spanToRange(document, entity));
  }
}

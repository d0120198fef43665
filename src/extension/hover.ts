import * as vscode from 'vscode';
import type { Analysis, Entity } from '../analysis/types';
import type { AnalysisCache } from './analysisCache';
import type { Configuration } from './configuration';
import { documentLength, spanToRange } from './convert';
import { shouldHighlight } from './decorations';
import { entityKey } from './seedsTree';

// Hovers on highlighted entities: what the analysis resolved (a date's value, a place's gazetteer
// entry, a faction's party and relations) and how often the file mentions it.

/** The entity under `offset`; the innermost one if spans nest (a place inside a faction's name). */
export function entityAt(analysis: Analysis, offset: number): Entity | undefined {
  let found: Entity | undefined;
  for (const entity of analysis.entities) {
    if (entity.start > offset) break;
    if (offset < entity.end && (!found || entity.end - entity.start < found.end - found.start)) found = entity;
  }
  return found;
}

/** The hover's Markdown. Article text is escaped: only our own formatting is Markdown. */
export function hoverMarkdown(analysis: Analysis, entity: Entity): string {
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
  lines.push(`${mentions} mention${mentions === 1 ? '' : 's'} in this file`);
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

const HOVER_TOGGLE = { date: 'dates', place: 'places', faction: 'factions' } as const;

export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly config: () => Configuration,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const config = this.config();
    if (!shouldHighlight(document, config.highlight) || documentLength(document) > this.cache.maxFileSizeBytes) return undefined;
    const analysis = this.cache.analyseDocument(document);
    const entity = entityAt(analysis, document.offsetAt(position));
    if (!entity || !config.highlight[HOVER_TOGGLE[entity.type]]) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(hoverMarkdown(analysis, entity)), spanToRange(document, entity));
  }
}

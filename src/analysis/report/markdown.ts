import type { CorpusSummary, SourceGroup, Sourcing, Summary } from '../summary';
import type { Claim, SourceKind } from '../types';

// The summary as Markdown: what `news-review summarise` prints, "Export Summary" writes and "Summarise
// All Seeds" opens. Article text is escaped so that a stray `*`, `|` or `#` cannot break the layout.

const KIND_LABEL: Record<SourceKind, string> = {
  person: 'named person',
  role: 'official or role',
  organisation: 'organisation',
  media: 'media',
  anonymous: 'anonymous',
};

/** Escapes Markdown inline syntax in article text (emphasis, code, links, HTML, table pipes, line breaks). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    // Only ASCII punctuation can be escaped: "1." becomes "1\." so it does not start a list.
    .replace(/^(\s*)(?:([#+\-=>])|(\d+)([.)]))/, (_, space: string, mark?: string, digits?: string, dot?: string) => (mark ? `${space}\\${mark}` : `${space}${digits}\\${dot}`));
}

export function renderMarkdown(summary: Summary, file?: string): string {
  const lines: string[] = [`# ${escapeMarkdown(summary.headline ?? file ?? 'Untitled article')}`, ''];
  const facts = [
    file ? `\`${file.replace(/`/g, "'")}\`` : '',
    summary.date ? `**Date:** ${summary.date}` : '',
    summary.dateline && summary.dateline !== summary.date ? `**Dateline:** ${escapeMarkdown(summary.dateline)}` : '',
    `${summary.counts.claims} claims, ${summary.counts.dates} dates, ${summary.counts.places} places, ${summary.counts.factions} factions`,
  ].filter(Boolean);
  lines.push(facts.join(' · '), '');

  if (summary.sentences.length) {
    lines.push('## Summary', '', summary.sentences.map((s) => escapeMarkdown(s.text)).join(' '), '');
  }
  lines.push(`**Sourcing:** ${sourcingLine(summary.sourcing)}`, '');

  if (summary.claimsBySource.length) {
    lines.push('## Claims by source', '');
    for (const group of summary.claimsBySource) lines.push(...renderGroup(group), '');
  }

  if (summary.unattributed.length) {
    lines.push("## Unattributed statements (writer's voice)", '');
    for (const sentence of summary.unattributed) lines.push(`- ${escapeMarkdown(sentence.text)}`);
    lines.push('');
  }

  if (summary.parties.length) {
    lines.push('## Parties', '', '| Party | Mentions | Also written |', '| --- | ---: | --- |');
    for (const party of summary.parties) {
      const aliases = party.aliases.filter((a) => a !== party.canonical);
      lines.push(`| ${cell(party.canonical)} | ${party.mentions} | ${cell(aliases.join(', '))} |`);
    }
    lines.push('');
    if (summary.relations.length) {
      for (const relation of summary.relations) lines.push(`- ${escapeMarkdown(relation.from)} **${relation.kind}** ${escapeMarkdown(relation.to)}`);
      lines.push('');
    }
  }

  if (summary.places.length) {
    lines.push('## Places', '', summary.places.map((p) => `${escapeMarkdown(p.name)}${p.country ? ` (${p.country})` : ''} ×${p.mentions}`).join(' · '), '');
  }

  if (summary.timeline.length) {
    lines.push('## Timeline', '', '| Date | Statement |', '| --- | --- |');
    for (const entry of summary.timeline) lines.push(`| ${cell(entry.value)} | ${cell(entry.sentence.text)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

function renderGroup(group: SourceGroup): string[] {
  const heading = group.source
    ? `### ${escapeMarkdown(group.source.text)} — ${KIND_LABEL[group.kind ?? 'organisation']}`
    : '### No source: on hedges alone';
  return [heading, '', ...group.claims.map(renderClaim)];
}

function renderClaim(claim: Claim): string {
  const text = claim.quote ? `“${escapeMarkdown(claim.text)}”` : escapeMarkdown(claim.text);
  // The cue says the stance ("denied", "warned"); without one the stance is spelled out.
  const notes = [claim.cue ? `*${escapeMarkdown(claim.cue)}*` : claim.stance];
  if (claim.source?.antecedent) notes.push(`as “${escapeMarkdown(claim.source.text)}”`);
  if (claim.channel) notes.push(`via ${escapeMarkdown(claim.channel.text)}`);
  const hedge = claim.hedged ? ` ⚠ hedged (${claim.hedges.map(escapeMarkdown).join(', ')})` : '';
  return `- ${text} — ${notes.filter(Boolean).join(', ')}${hedge}`;
}

/** "12 claims: 4 named people, 3 officials or roles, ...; 2 on hedges alone". */
export function sourcingLine(sourcing: Sourcing): string {
  const parts: string[] = [];
  const plural: Record<SourceKind, [string, string]> = {
    person: ['named person', 'named people'],
    role: ['official or role', 'officials or roles'],
    organisation: ['organisation', 'organisations'],
    media: ['media report', 'media reports'],
    anonymous: ['anonymous source', 'anonymous sources'],
  };
  let total = sourcing.hedged;
  for (const kind of Object.keys(plural) as SourceKind[]) {
    total += sourcing[kind];
    if (sourcing[kind]) parts.push(`${sourcing[kind]} on ${plural[kind][sourcing[kind] === 1 ? 0 : 1]}`);
  }
  if (sourcing.hedged) parts.push(`${sourcing.hedged} on hedges alone`);
  return total === 0 ? 'no attributed claims' : `${total} claim${total === 1 ? '' : 's'} — ${parts.join(', ')}`;
}

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return escapeMarkdown(text).trim() || ' ';
}

/** The corpus report of "Summarise All Seeds": one row per article, then the sources, parties and dates across them. */
export function renderCorpusMarkdown(corpus: CorpusSummary): string {
  const lines = ['# News Review: all articles', '', `${corpus.articles.length} articles · **Sourcing:** ${sourcingLine(corpus.sourcing)}`, ''];
  lines.push('| Date | Article | Claims | On hedges alone | Anonymous | Places | Parties |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const a of corpus.articles) {
    const title = a.headline ? `${cell(a.headline)}<br>\`${a.file.replace(/[`|]/g, '')}\`` : `\`${a.file.replace(/[`|]/g, '')}\``;
    lines.push(`| ${a.date ?? '—'} | ${title} | ${a.claims} | ${a.hedged} | ${a.anonymous} | ${a.places} | ${a.factions} |`);
  }
  lines.push('');

  if (corpus.sources.length) {
    lines.push('## Sources most relied on', '', '| Source | Kind | Claims | Articles |', '| --- | --- | ---: | ---: |');
    for (const s of corpus.sources.slice(0, 20)) lines.push(`| ${cell(s.name)} | ${KIND_LABEL[s.kind]} | ${s.claims} | ${s.files.length} |`);
    lines.push('');
  }
  if (corpus.parties.length) {
    lines.push('## Parties across articles', '', '| Party | Mentions | Articles |', '| --- | ---: | ---: |');
    for (const p of corpus.parties) lines.push(`| ${cell(p.canonical)} | ${p.mentions} | ${p.files.length} |`);
    lines.push('');
    if (corpus.relations.length) {
      for (const r of corpus.relations) lines.push(`- ${escapeMarkdown(r.from)} **${r.kind}** ${escapeMarkdown(r.to)} (${r.files.length} article${r.files.length === 1 ? '' : 's'})`);
      lines.push('');
    }
  }
  if (corpus.timeline.length) {
    lines.push('## Timeline', '', '| Date | Article | Statement |', '| --- | --- | --- |');
    for (const t of corpus.timeline) lines.push(`| ${cell(t.value)} | \`${t.file.replace(/[`|]/g, '')}\` | ${cell(t.sentence)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

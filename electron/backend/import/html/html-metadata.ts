import { sameTitle } from '../article-title';
import { normalisePublishedDate } from '../published-date';
import { collapseSpaces } from '../../../../shared/text/whitespace';
import type { Sourced } from '../article-fields';

export type { Sourced };

// What a saved page says about itself: <meta> tags (Open Graph, Twitter,
// Dublin Core, Highwire citation_*), JSON-LD (schema.org Article and its
// kin), <link rel=canonical>, <html lang>, <time datetime>, the address the
// browser recorded when saving, and what Readability made of the page. Each
// field is taken from the first source that gives a usable value, in a fixed
// order, and says which source that was.
//
// Facts are gathered from the document before Readability runs (Readability
// changes the document it reads).

export interface PageMetadata {
  title: Sourced<string> | null;
  subtitle: Sourced<string> | null;
  author: Sourced<string> | null;
  outlet: Sourced<string> | null;
  publishedAt: Sourced<string> | null;
  url: Sourced<string> | null;
  language: Sourced<string> | null;
  tags: Sourced<string[]> | null;
  section: Sourced<string> | null;
}

/** What Readability found, as far as metadata goes (its parse result's fields). */
export interface ReadabilityFacts {
  title?: string | null | undefined;
  byline?: string | null | undefined;
  siteName?: string | null | undefined;
  lang?: string | null | undefined;
}

interface JsonLdFacts {
  /** The article node's schema.org type ("NewsArticle"), named in each field's source. */
  type: string;
  headline: string | null;
  authors: string[];
  publisher: string | null;
  datePublished: string | null;
  keywords: string[];
  section: string | null;
  description: string | null;
  language: string | null;
  url: string | null;
}

/** Everything read from the page before Readability changes it. */
export interface PageFacts {
  /** <meta> content by lower-cased name, property or itemprop, in document order. */
  meta: Map<string, string[]>;
  jsonLd: JsonLdFacts | null;
  documentTitle: string | null;
  htmlLang: string | null;
  canonical: string | null;
  baseHref: string | null;
  savedFrom: string | null;
  /** Where savedFrom was found: "saved-from comment", "Snapshot-Content-Location", ... */
  savedFromSource: string;
  /** datetime of <time> elements in the page's article (or main) element, in order. */
  articleTimes: string[];
}

function clean(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = collapseSpaces(value.replace(/[\r\n]+/g, ' '));
  return text || null;
}

function isUrl(value: string): boolean {
  return /^(https?:)?\/\//i.test(value.trim());
}

function absoluteHttpUrl(value: string | null | undefined, base?: string | null): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  try {
    const url = base ? new URL(raw, base) : new URL(raw);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- gathering

function metaMap(doc: Document): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const content = clean(el.getAttribute('content'));
    if (!content) continue;
    const keys = [el.getAttribute('name'), el.getAttribute('itemprop'), el.getAttribute('http-equiv'), ...(el.getAttribute('property') ?? '').split(/\s+/)];
    for (const key of keys) {
      const k = key?.trim().toLowerCase();
      if (!k) continue;
      const list = map.get(k);
      if (list) list.push(content);
      else map.set(k, [content]);
    }
  }
  return map;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function typesOf(node: Json): string[] {
  return asArray(node['@type']).filter((t): t is string => typeof t === 'string');
}

const ARTICLE_TYPE = /^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|Blog)$/;

function textOf(value: unknown, ids: Map<string, Json>): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return textOf(value[0], ids);
  if (isObject(value)) {
    const node = typeof value['@id'] === 'string' && !('name' in value) ? (ids.get(value['@id']) ?? value) : value;
    return textOf(node['name'] ?? node['alternateName'] ?? node['@value'], ids);
  }
  return null;
}

function listOf(value: unknown, ids: Map<string, Json>, split: boolean): string[] {
  const out: string[] = [];
  for (const item of asArray(value)) {
    const text = textOf(item, ids);
    if (!text) continue;
    out.push(...(split ? text.split(/\s*[,;]\s*/) : [text]));
  }
  return out.filter(Boolean);
}

/** The page's JSON-LD nodes, arrays and @graph flattened. */
function jsonLdNodes(doc: Document): Json[] {
  const nodes: Json[] = [];
  const add = (value: unknown, depth: number) => {
    if (depth > 4) return;
    for (const item of asArray(value)) {
      if (!isObject(item)) continue;
      nodes.push(item);
      if (item['@graph']) add(item['@graph'], depth + 1);
    }
  };
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    // Wrappers old pages put around script text: <!-- -->, <![CDATA[ ]]>, and the same behind // or /* */.
    const source = (script.textContent ?? '')
      .replace(/^\s*(<!--|(\/\/|\/\*)?\s*<!\[CDATA\[(\s*\*\/)?)/, '')
      .replace(/((\/\/|\/\*)?\s*\]\]>(\s*\*\/)?|-->)\s*$/, '');
    try {
      add(JSON.parse(source), 0);
    } catch {
      // Broken JSON-LD is common and harmless: the page's other metadata still counts.
    }
  }
  return nodes;
}

/**
 * The article's headline, or its name where the page's own <title> shows the
 * name and not the headline (Wikipedia puts its one-line description in
 * "headline": "constitutional monarchy in Oceania" for "New Zealand").
 */
function headlineOf(article: Json, ids: Map<string, Json>, pageTitle: string): string | null {
  const headline = textOf(article['headline'], ids);
  const name = textOf(article['name'], ids);
  if (headline && name && !pageTitle.includes(headline) && pageTitle.includes(name)) return name;
  return headline ?? name;
}

function jsonLdFacts(doc: Document): JsonLdFacts | null {
  const nodes = jsonLdNodes(doc);
  const ids = new Map<string, Json>();
  for (const node of nodes) if (typeof node['@id'] === 'string') ids.set(node['@id'], node);
  const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t))) ?? nodes.find((n) => typesOf(n).includes('WebPage') && (n['headline'] || n['author']));
  if (!article) return null;
  const authors = listOf(article['author'] ?? article['creator'], ids, false).filter((a) => !isUrl(a));
  const mainEntity = article['mainEntityOfPage'];
  return {
    type: typesOf(article).find((t) => ARTICLE_TYPE.test(t)) ?? typesOf(article)[0] ?? 'Article',
    headline: headlineOf(article, ids, doc.title ?? ''),
    authors,
    publisher: textOf(article['publisher'], ids) ?? textOf(article['sourceOrganization'], ids),
    datePublished: textOf(article['datePublished'], ids) ?? textOf(article['dateCreated'], ids),
    keywords: listOf(article['keywords'], ids, true),
    section: listOf(article['articleSection'], ids, false)[0] ?? null,
    description: textOf(article['description'], ids),
    language: textOf(article['inLanguage'], ids),
    url: (typeof article['url'] === 'string' ? article['url'] : null) ?? (typeof mainEntity === 'string' ? mainEntity : isObject(mainEntity) && typeof mainEntity['@id'] === 'string' ? mainEntity['@id'] : null),
  };
}

function firstWithAttribute(doc: Document, tag: string, attribute: string, test: (value: string) => boolean = () => true): Element | null {
  for (const el of Array.from(doc.getElementsByTagName(tag))) {
    const value = el.getAttribute(attribute);
    if (value !== null && test(value)) return el;
  }
  return null;
}

/** The publication times the page marks up: <time> marked as the publication date, then <time> in its article (or main) element. */
function articleTimes(doc: Document): string[] {
  const article = doc.getElementsByTagName('article')[0] ?? doc.getElementsByTagName('main')[0] ?? null;
  const marked: string[] = [];
  const inArticle: string[] = [];
  for (const time of Array.from(doc.getElementsByTagName('time'))) {
    const datetime = time.getAttribute('datetime');
    if (!datetime) continue;
    if (/\bdatePublished\b/.test(time.getAttribute('itemprop') ?? '') || time.hasAttribute('pubdate')) marked.push(datetime);
    else if (article?.contains(time)) inArticle.push(datetime);
  }
  return [...marked, ...inArticle];
}

/** Reads the page's metadata facts from its document (call before Readability runs on it). */
export function gatherPageFacts(doc: Document, savedFrom: string | null, savedFromSource = 'saved-from comment'): PageFacts {
  return {
    meta: metaMap(doc),
    jsonLd: jsonLdFacts(doc),
    documentTitle: clean(doc.getElementsByTagName('title')[0]?.textContent),
    htmlLang: clean(doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang')),
    canonical: firstWithAttribute(doc, 'link', 'rel', (rel) => /(^|\s)canonical(\s|$)/i.test(rel))?.getAttribute('href') ?? null,
    baseHref: firstWithAttribute(doc, 'base', 'href')?.getAttribute('href') ?? null,
    savedFrom,
    savedFromSource,
    articleTimes: articleTimes(doc),
  };
}

// ---------------------------------------------------------------- choosing

function firstMeta(facts: PageFacts, keys: string[]): Sourced<string> | null {
  for (const key of keys) {
    const value = facts.meta.get(key)?.[0];
    if (value) return { value, source: key };
  }
  return null;
}

function pick<T>(...candidates: (Sourced<T> | null | undefined | false)[]): Sourced<T> | null {
  for (const c of candidates) if (c) return c;
  return null;
}

function sourced<T>(value: T | null | undefined, source: string): Sourced<T> | null {
  return value === null || value === undefined || value === '' ? null : { value, source };
}

const SEPARATORS = /\s+[|\-–—·•»:/]{1,2}\s+/g;

/**
 * A title without the site's name before or after it ("Headline | Site",
 * "Headline - Site", "Site: Headline"), when that part is one of the site's
 * names (or its address).
 */
export function stripSiteName(title: string, siteNames: string[]): string {
  const names = siteNames.filter(Boolean);
  if (names.length === 0) return title;
  const isSite = (part: string) => names.some((n) => sameTitle(part, n) || sameTitle(part.replace(/^www\./i, ''), n));
  const separators = Array.from(title.matchAll(SEPARATORS));
  const last = separators[separators.length - 1];
  if (last && last.index !== undefined) {
    const [head, tail] = [title.slice(0, last.index), title.slice(last.index + last[0].length)];
    if (head.trim() && isSite(tail)) return head.trim();
  }
  const first = separators[0];
  if (first && first.index !== undefined) {
    const [head, tail] = [title.slice(0, first.index), title.slice(first.index + first[0].length)];
    if (tail.trim() && isSite(head)) return tail.trim();
  }
  return title;
}

/** "By Jane Doe", "Par Jeanne Dupont", "Von Hans Müller" → the name; null for what is not a name (too long, no letters, an address). */
export function cleanByline(value: string | null | undefined): string | null {
  let text = clean(value);
  if (!text) return null;
  text = text
    .replace(/^(?:(?:written|posted|reported)\s+)?by\s*:?\s+/i, '')
    // Other languages' "by" only before a capitalised name ("Von Braun" has no name after it).
    .replace(/^(?:[Pp]ar|[Pp]or|[Vv]on|[Dd]oor|[Pp]rzez)\s+(?=\p{Lu}\p{Ll}*\s+\p{Lu})/u, '').replace(/^[\s|·•,:–—-]+|[\s|·•,:–—-]+$/g, '');
  if (!text || text.length > 100 || !/\p{L}/u.test(text) || isUrl(text)) return null;
  return text;
}

/** "Doe, Jane" → "Jane Doe" (how citation_author and some DC.creator values are written). */
function personName(value: string): string {
  const m = /^([^,]+),\s*([^,]+)$/.exec(value);
  return m && m[1]!.split(/\s+/).length <= 3 && m[2]!.split(/\s+/).length <= 3 ? `${m[2]} ${m[1]}` : value;
}

function joinAuthors(names: string[]): string | null {
  const seen = new Set<string>();
  const unique = names.map((n) => cleanByline(n)).filter((n): n is string => {
    if (!n || seen.has(n.toLowerCase())) return false;
    seen.add(n.toLowerCase());
    return true;
  });
  return unique.length ? unique.join(', ') : null;
}

function authorsFromMeta(facts: PageFacts, keys: string[], flip = false): Sourced<string> | null {
  for (const key of keys) {
    const values = (facts.meta.get(key) ?? []).filter((v) => !isUrl(v));
    const joined = joinAuthors(flip ? values.map(personName) : values);
    if (joined) return { value: joined, source: key };
  }
  return null;
}

/** "en_US" → "en-US"; null for what is not a language tag. */
export function languageTag(value: string | null | undefined): string | null {
  const raw = value?.trim().replace(/_/g, '-');
  if (!raw || !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(raw)) return null;
  const [lang, ...rest] = raw.split('-');
  return [lang!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}

function date(value: string | null | undefined, source: string): Sourced<string> | null {
  const iso = normalisePublishedDate(value ?? null);
  return iso ? { value: iso, source } : null;
}

function dateFromMeta(facts: PageFacts, keys: string[]): Sourced<string> | null {
  for (const key of keys) {
    const found = date(facts.meta.get(key)?.[0], key);
    if (found) return found;
  }
  return null;
}

/** A day in an article's address: /2025/12/31/ or /2025-12-31. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$)/.exec(path) ?? /(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.-]|$)/.exec(path);
  return m ? normalisePublishedDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`) : null;
}

const MAX_TAGS = 30;

function tagList(values: string[], split: boolean): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    for (const part of split ? value.split(/\s*[,;]\s*/) : [value]) {
      const tag = clean(part);
      if (!tag || tag.length > 60 || seen.has(tag.toLowerCase())) continue;
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out.slice(0, MAX_TAGS);
}

function tagsFrom(values: string[] | undefined, split: boolean, source: string): Sourced<string[]> | null {
  const tags = tagList(values ?? [], split);
  return tags.length ? { value: tags, source } : null;
}

/** The page's metadata, each field from its first source that gives a usable value. */
export function choosePageMetadata(facts: PageFacts, readability: ReadabilityFacts | null, contentTimes: string[] = []): PageMetadata {
  const ld = facts.jsonLd;
  const jsonLd = ld ? `JSON-LD ${ld.type}` : 'JSON-LD';
  const r = readability ?? {};

  const outlet = pick(
    firstMeta(facts, ['og:site_name']),
    sourced(ld?.publisher, `${jsonLd} publisher`),
    firstMeta(facts, ['application-name', 'citation_journal_title', 'dc.publisher', 'citation_publisher']),
    sourced(clean(r.siteName), 'Readability site name'),
  );

  const base = absoluteHttpUrl(facts.savedFrom) ?? absoluteHttpUrl(facts.meta.get('og:url')?.[0]);
  const url = pick(
    sourced(absoluteHttpUrl(facts.canonical, absoluteHttpUrl(facts.baseHref, base) ?? base), 'link rel=canonical'),
    sourced(absoluteHttpUrl(facts.meta.get('og:url')?.[0]), 'og:url'),
    sourced(absoluteHttpUrl(ld?.url, base), jsonLd),
    sourced(absoluteHttpUrl(facts.meta.get('citation_public_url')?.[0] ?? facts.meta.get('citation_abstract_html_url')?.[0]), 'citation_public_url'),
    sourced(absoluteHttpUrl(facts.savedFrom), facts.savedFromSource),
  );

  const siteNames = [outlet?.value, ld?.publisher, facts.meta.get('og:site_name')?.[0], facts.meta.get('application-name')?.[0], clean(r.siteName), hostOf(url?.value)].filter(
    (n): n is string => Boolean(n),
  );
  const titleFrom = (value: string | null | undefined, source: string) => {
    const text = clean(value);
    return text ? { value: stripSiteName(text, siteNames), source } : null;
  };
  const title = pick(
    titleFrom(facts.meta.get('og:title')?.[0], 'og:title'),
    titleFrom(facts.meta.get('twitter:title')?.[0], 'twitter:title'),
    titleFrom(ld?.headline, jsonLd),
    titleFrom(facts.meta.get('citation_title')?.[0], 'citation_title'),
    titleFrom(facts.meta.get('dc.title')?.[0], 'dc.title'),
    titleFrom(r.title, 'Readability title'),
    titleFrom(facts.documentTitle, '<title>'),
  );

  const subtitle = pick(firstMeta(facts, ['og:description', 'description', 'twitter:description', 'dc.description']), sourced(ld?.description, jsonLd));

  const author = pick(
    authorsFromMeta(facts, ['author']),
    authorsFromMeta(facts, ['article:author']),
    sourced(joinAuthors(ld?.authors ?? []), jsonLd),
    authorsFromMeta(facts, ['citation_author'], true),
    authorsFromMeta(facts, ['dc.creator', 'dc:creator', 'dcterms.creator', 'dcterms:creator', 'dcterm:creator'], true),
    sourced(cleanByline(r.byline), 'byline'),
  );

  const publishedAt = pick(
    dateFromMeta(facts, ['article:published_time']),
    date(ld?.datePublished, jsonLd),
    dateFromMeta(facts, ['citation_publication_date', 'citation_date', 'citation_online_date']),
    dateFromMeta(facts, ['dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.issued', 'dc:date', 'dcterms:date', 'date', 'pubdate', 'publish-date']),
    // Analytics tags many news sites carry (Parse.ly, Sailthru).
    dateFromMeta(facts, ['parsely-pub-date', 'sailthru.date']),
    ...[...facts.articleTimes, ...contentTimes].map((t) => date(t, '<time>')),
    sourced(dateFromUrl(url?.value ?? null), 'URL date pattern'),
  );

  const language = pick(
    sourced(languageTag(facts.htmlLang), 'html lang'),
    sourced(languageTag(facts.meta.get('og:locale')?.[0]), 'og:locale'),
    sourced(languageTag(facts.meta.get('content-language')?.[0]), 'content-language'),
    sourced(languageTag(facts.meta.get('dc.language')?.[0] ?? facts.meta.get('citation_language')?.[0]), 'dc.language'),
    sourced(languageTag(ld?.language), jsonLd),
    sourced(languageTag(r.lang), 'Readability lang'),
  );

  const tags = pick(
    tagsFrom(facts.meta.get('article:tag'), true, 'article:tag'),
    tagsFrom(facts.meta.get('keywords'), true, 'keywords'),
    tagsFrom(facts.meta.get('news_keywords'), true, 'news_keywords'),
    tagsFrom(facts.meta.get('citation_keywords'), true, 'citation_keywords'),
    tagsFrom(ld?.keywords, false, jsonLd),
  );

  const section = pick(sourced(ld?.section, jsonLd), firstMeta(facts, ['article:section']));

  return { title, subtitle, author, outlet, publishedAt, url, language, tags, section };
}

/** The host of an address without "www.", or null. */
function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

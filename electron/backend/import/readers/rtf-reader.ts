import { FileRejected, type ParsedArticle, type SourceFile } from '../article-reader';
import { articleFrom, hasArticleText } from '../article-fields';
import { chooseTitle } from '../article-title';
import { normalisePublishedDate } from '../published-date';
import { stripTrailingBoilerplate } from '../site-boilerplate';
import { rtfBlocks } from '../rtf/rtf-blocks';
import { looksLikeRtf, type RtfCreationTime, readRtfDocument } from '../rtf/rtf-document';

// RTF articles (WordPad, Word, LibreOffice, TextEdit): the body as headings,
// paragraphs, lists, bold and italic (rtf/rtf-document.ts reads the RTF,
// rtf/rtf-blocks.ts makes the blocks); title, author, creation time and
// keywords from the {\info} group. Then the steps every reader shares: page
// furniture cut from the end, the title chosen and taken out of the body.

export const RTF_INFO_SOURCE = 'RTF document info';

const pad = (n: number) => String(n).padStart(2, '0');

/** \creatim as ISO 8601 (no offset: RTF records none), or null when unset (\yr0) or in the future. */
export function creationDate(created: RtfCreationTime | null, now = new Date()): string | null {
  if (!created || created.year < 1900) return null;
  const day = `${created.year}-${pad(created.month)}-${pad(created.day)}`;
  const stamp = created.hour !== null ? `${day}T${pad(created.hour)}:${pad(created.minute ?? 0)}` : day;
  const iso = normalisePublishedDate(stamp);
  return iso && iso.slice(0, 10) <= now.toISOString().slice(0, 10) ? iso : null;
}

/** Keywords as tags: "Venezuela, drug trafficking" or "Venezuela; oil". */
export function keywordTags(keywords: string | null): string[] {
  if (!keywords) return [];
  return [...new Set(keywords.split(/[,;]/).map((k) => k.trim()).filter(Boolean))];
}

export async function readRtfArticle(file: SourceFile, now = new Date()): Promise<ParsedArticle> {
  if (file.bytes.byteLength === 0) throw new FileRejected('the file is empty');
  if (!looksLikeRtf(file.bytes)) throw new FileRejected('it is not an RTF document (it does not begin with “{\\rtf”)');
  let doc;
  try {
    doc = await readRtfDocument(file.bytes);
  } catch (err) {
    throw new FileRejected(`its RTF cannot be read (${(err as Error).message.replace(/\.$/, '')})`);
  }
  if (!doc.complete) throw new FileRejected('the RTF document is cut short (it ends before its last group is closed), so part of the article may be missing');

  const furniture = stripTrailingBoilerplate(rtfBlocks(doc.paragraphs));
  if (!hasArticleText(furniture.blocks)) {
    throw new FileRejected('it holds no article text');
  }
  const { info } = doc;
  const choice = chooseTitle(furniture.blocks, {
    ...(info.title ? { statedTitle: info.title, statedTitleSource: RTF_INFO_SOURCE } : {}),
    leadingH1IsTitle: true,
  });

  const sourced = <T>(value: T | null): { value: T; source: string } | null => (value === null ? null : { value, source: RTF_INFO_SOURCE });
  return articleFrom(
    choice,
    { author: sourced(info.author), publishedAt: sourced(creationDate(info.created, now)), tags: sourced(keywordTags(info.keywords)) },
    furniture.siteName,
  );
}

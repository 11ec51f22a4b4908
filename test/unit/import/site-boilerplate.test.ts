import { describe, expect, it } from 'vitest';
import { isSiteBoilerplate, stripLeadingChrome, stripTrailingBoilerplate } from '../../../electron/backend/import/site-boilerplate';
import { blockText, canonicalText } from '../../../shared/content/canonical-text';
import { bulletList, paragraph, type TextBlock } from '../../../shared/content/doc';

const BODY = 'In another apparent escalation, Trump recently declared fentanyl a “weapon of mass destruction.”';

describe('isSiteBoilerplate', () => {
  it.each([
    'Related Articles',
    'Related Posts:',
    'Leave a Reply',
    'Leave a comment',
    'Back to top button',
    'Discover more from Elrisala',
    'Subscribe now to keep reading and get access to the full archive.',
    'Continue reading',
    'Tags',
    'Tags: Venezuela, Maduro',
    'Share this:',
    'Share this article',
    'Like this:',
    'Like Loading...',
    'Read more: Maduro says he is ready for talks',
    'Advertisement',
    'For more: Elrisala website and for social networking, you can follow us on Facebook',
    'Source of information and images “independent”',
    'Sign up for our daily newsletter',
    'Copyright © 2026 Example Media. All rights reserved.',
    '© 2026 Example',
    'Facebook Twitter WhatsApp Telegram',
    'Click to share on X (Opens in new window)',
    '12 Comments',
  ])('recognises %j', (text) => {
    expect(isSiteBoilerplate(text)).toBe(true);
  });

  it.each([
    BODY,
    'Subscribers to the service were told on Monday.',
    'Related talks broke down last month, officials said.',
    'Recommended changes were adopted by the board.',
    '“Follow us,” the officer told them.',
    'Tags were found on the boats, the report said, linking them to the cartel.',
    'Continue',
    'Comments from the ministry were not available.',
    'Share prices fell sharply after the announcement, analysts said.',
  ])('leaves article text alone: %j', (text) => {
    expect(isSiteBoilerplate(text)).toBe(false);
  });
});

describe('stripTrailingBoilerplate', () => {
  it('cuts furniture from the end, including a final list of it, and names the site', () => {
    const result = stripTrailingBoilerplate([
      paragraph('First paragraph.'),
      paragraph(BODY),
      bulletList(['For more: Elrisala website and for social networking, you can follow us on Facebook', 'Source of information and images “independent”']),
      paragraph('Related Articles'),
      paragraph('Leave a Reply'),
      paragraph('Back to top button'),
      paragraph('Discover more from Elrisala'),
      paragraph('Subscribe now to keep reading and get access to the full archive.'),
      paragraph('Continue reading'),
    ]);
    expect(canonicalText({ type: 'doc', content: result.blocks }).text).toBe(`First paragraph.\n\n${BODY}`);
    expect(result.siteName).toBe('Elrisala');
    expect(result.removed).toHaveLength(8);
    expect(result.removed[0]).toMatch(/^For more/);
  });

  it('never looks past the first real paragraph from the end', () => {
    const blocks = [paragraph('Related Articles'), paragraph(BODY), paragraph('Tags')];
    const result = stripTrailingBoilerplate(blocks);
    expect(result.blocks).toEqual([paragraph('Related Articles'), paragraph(BODY)]);
    expect(result.siteName).toBeNull();
  });

  it('keeps the real items of a final list and cuts only the trailing furniture items', () => {
    const result = stripTrailingBoilerplate([bulletList(['Number of strikes: Over 30', 'Share this article'])]);
    expect(result.blocks).toEqual([bulletList(['Number of strikes: Over 30'])]);
  });
});

describe('page chrome before the article', () => {
  const p = (text: string) => paragraph(text);
  it('cuts skip links, section menus and advertisement labels from the start, and nothing after them', () => {
    const blocks = [
      p('Skip to main content'),
      p('World | Americas | Business | Opinion | Sport'),
      p('Advertisement'),
      p('Maduro says Venezuela is open to talks with the US on drug trafficking'),
      p('Advertisement'),
    ];
    expect(stripLeadingChrome(blocks).map((b) => blockText(b as TextBlock))).toEqual([
      'Maduro says Venezuela is open to talks with the US on drug trafficking',
      'Advertisement',
    ]);
  });

  it('keeps a section label and a title that only look short', () => {
    const blocks = [p('USA'), p('CIA carries out first drone strike'), p('Body text.')];
    expect(stripLeadingChrome(blocks)).toEqual(blocks);
  });
});

import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../../shared/text/mojibake';

describe('repairMojibake', () => {
  it.each([
    ['Nicol√°s', 'Nicolás'], // UTF-8 read as MacRoman (seed 003)
    ['Rom√¢nia', 'România'],
    ['Trump‚Äôs plan', 'Trump’s plan'],
    ['NicolÃ¡s', 'Nicolás'], // UTF-8 read as Windows-1252
    ['itâ€™s', 'it’s'],
    ['Ã©tÃ© Ã\u00a0 Paris', 'été à Paris'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['â€œquotedâ€', '“quoted”'], // the lost 0x9D of a closing quote
    ['â€œquotedâ€\ufffd', '“quoted”'],
    ['itâ\u0080\u0099s', 'it’s'], // UTF-8 read as Latin-1
    ['“NicolÃ¡s” said', '“Nicolás” said'], // only the name was mangled
    ['NicolÃƒÂ¡s', 'Nicolás'], // mangled twice
    ['Ð¿Ñ€Ð¸Ð²ÐµÑ‚', 'привет'],
    ['ðŸ‘\u008d', '👍'],
  ])('repairs %j', (input, expected) => {
    expect(repairMojibake(input)).toBe(expected);
  });

  it.each([
    'été',
    'Nicolás Maduro',
    'naïve café, déjà-vu',
    'São Paulo, Zürich, Ærø, Señor «Sí»',
    'Ελληνικά κείμενα',
    'Русский текст',
    'emoji 😀 ❤️ 👍🏽',
    '“curly quotes” and ‘single’ — dashes – and…',
    'l’île, jusqu’à, Brontë’s, Émile’s',
    'NESTLÉ’s, CAFÉ”, AÑO’s, Œuvre’s',
    '½ ™ © ® € £ ¥ °C',
    'x ≈ √2 ± 0.1',
    'a —à la carte',
    'plain ASCII text',
    '中文文本 and 日本語',
  ])('leaves correct text alone: %j', (text) => {
    expect(repairMojibake(text)).toBe(text);
  });

  it('repairs within running text and keeps the rest as it is', () => {
    const input = 'Venezuelan leader Nicol√°s Maduro said on Thursday, “wherever they want”. It’s été.';
    expect(repairMojibake(input)).toBe('Venezuelan leader Nicolás Maduro said on Thursday, “wherever they want”. It’s été.');
  });
});

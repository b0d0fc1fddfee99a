import qrcode from 'qrcode-generator';
import { useState } from 'preact/hooks';
import type { Locale } from '../../shared/i18n.js';
import { issued, shortLink } from '../data.js';
import { t, tIn } from '../i18n.js';
import { Link } from '../ui.js';

/** The QR code as SVG squares: no canvas, no data URL, nothing the page's CSP must allow. */
function Qr({ text }: { text: string }) {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const n = code.getModuleCount();
  let d = '';
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) if (code.isDark(row, col)) d += `M${col} ${row}h1v1h-1z`;
  return (
    <svg class="qr" viewBox={`-2 -2 ${n + 4} ${n + 4}`} role="img" aria-label={text} shape-rendering="crispEdges">
      <rect x={-2} y={-2} width={n + 4} height={n + 4} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

/** An A4 sheet of judge cards (2 × 4 a page): name, QR code of the private link, the access code to type. */
export function Cards() {
  const [lang, setLang] = useState<Locale>('kk');
  const cards = issued.value;
  return (
    <section>
      <div class="title-row no-print">
        <h1>{t('cards.title')}</h1>
        <Link href="/console/judges">{t('common.back')}</Link>
      </div>
      {cards.length === 0 ? (
        <p>{t('cards.none')}</p>
      ) : (
        <>
          <div class="row no-print">
            <label>
              {t('cards.language')}
              <select value={lang} onChange={(e) => setLang((e.target as HTMLSelectElement).value as Locale)}>
                <option value="kk">Қазақша</option>
                <option value="ru">Русский</option>
              </select>
            </label>
            <button type="button" class="primary" onClick={() => window.print()}>
              {t('cards.print')}
            </button>
          </div>
          <ul class="cards" lang={lang}>
            {cards.map((card) => (
              <li class="card" key={card.accessCode}>
                <p class="card-heading">{tIn(lang, 'cards.heading')}</p>
                <p class="card-name">{card.fullName}</p>
                <p class="card-institution">{card.institution}</p>
                <Qr text={shortLink(card.link)} />
                <p class="card-scan">{tIn(lang, 'cards.scan')}</p>
                <p class="card-code">
                  {tIn(lang, 'cards.code')}: <strong>{card.accessCode}</strong>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

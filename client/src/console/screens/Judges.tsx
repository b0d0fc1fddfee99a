import { useState } from 'preact/hooks';
import { pick } from '../../shared/i18n.js';
import { call } from '../api.js';
import { parseCsv } from '../csv.js';
import { issued, regionName, regions, type Credentials, type Judge, type Page } from '../data.js';
import { t } from '../i18n.js';
import { go } from '../router.js';
import { confirmAction, ErrorLine, Link, useAction, useLoad } from '../ui.js';
import { ImportPanel } from './ImportPanel.js';

/**
 * Judges: filtered by macro-region on the server and by name or institution here; imported from CSV (the codes
 * come back once: straight to the cards); a new link for one judge, or cards for the chosen ones (re-issued).
 */
export function Judges() {
  const [search, setSearch] = useState('');
  const [region, setRegion] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [fresh, setFresh] = useState<{ name: string; code: string } | null>(null);
  const action = useAction();
  const query = new URLSearchParams({ limit: '500' });
  if (region) query.set('regionCode', region);
  const list = useLoad(() => call<Page<Judge>>(`/api/judges?${query.toString()}`), [query.toString()]);
  const needle = search.trim().toLocaleLowerCase();
  const shown = (list.data?.items ?? []).filter(
    (j) => !needle || `${j.fullName} ${j.institution}`.toLocaleLowerCase().includes(needle),
  );
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  const reissue = async (judge: Judge) => {
    if (!(await confirmAction(t('judges.reissueConfirm', { name: judge.fullName }), t('judges.reissue')))) return;
    await action.run(async () => {
      const creds = await call<Credentials & { id: string }>(`/api/judges/${judge.id}/credentials`, {
        method: 'POST',
        body: { reason: 'console' },
      });
      issued.value = [creds];
      setFresh({ name: judge.fullName, code: creds.accessCode });
      list.reload();
    });
  };
  const printCards = async () => {
    if (!(await confirmAction(t('judges.cardsConfirm', { count: selected.length }), t('judges.cards')))) return;
    await action.run(async () => {
      const sheet = await call<string>('/api/judges/links.csv', {
        method: 'POST',
        body: { judgeIds: selected, reason: 'judge cards' },
        text: true,
      });
      issued.value = parseCsv(sheet) as unknown as Credentials[];
      go('/console/judges/cards');
    });
  };

  return (
    <section>
      <h1>{t('judges.title')}</h1>
      <form class="filters row" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('common.search')}
          <input type="search" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('common.region')}
          <select value={region} onChange={(e) => setRegion((e.target as HTMLSelectElement).value)}>
            <option value="">{t('common.allRegions')}</option>
            {regions.value.map((r) => (
              <option key={r.code} value={r.code}>
                {pick(r.names)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={selected.length === 0 || action.busy} onClick={() => void printCards()}>
          {t('judges.cards')} ({selected.length})
        </button>
      </form>
      <ErrorLine error={list.error ?? action.error} />
      {fresh && (
        <p role="status" class="ok">
          {t('judges.issued', { name: fresh.name, code: fresh.code })} ·{' '}
          <Link href="/console/judges/cards">{t('cards.title')}</Link>
        </p>
      )}
      <p>{t('common.total', { count: shown.length })}</p>
      {shown.length === 0 && list.data && <p>{t('judges.empty')}</p>}
      {shown.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">
                <span class="sr-only">✓</span>
              </th>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('common.region')}</th>
              <th scope="col">{t('common.institution')}</th>
              <th scope="col">{t('judges.strength')}</th>
              <th scope="col">
                <span class="sr-only">{t('judges.reissue')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((judge) => (
              <tr key={judge.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={judge.fullName}
                    checked={selected.includes(judge.id)}
                    onChange={() => toggle(judge.id)}
                  />
                </td>
                <td>
                  {judge.fullName}
                  {judge.revoked && <span class="tag warn">{t('judges.revoked')}</span>}
                </td>
                <td>{regionName(judge.regionCode)}</td>
                <td>{judge.institution}</td>
                <td>{judge.strength}</td>
                <td>
                  <button
                    type="button"
                    aria-label={t('judges.reissueFor', { name: judge.fullName })}
                    onClick={() => void reissue(judge)}
                  >
                    {t('judges.reissue')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ImportPanel<Credentials>
        route="/api/judges/import"
        id="judges-import"
        onImported={(items) => {
          issued.value = items;
          list.reload();
          if (items.length) go('/console/judges/cards');
        }}
      />
    </section>
  );
}

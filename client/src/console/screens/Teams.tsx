import { useState } from 'preact/hooks';
import { pick } from '../../shared/i18n.js';
import { call } from '../api.js';
import { regionName, regions, unitName, type Page, type Team } from '../data.js';
import { t } from '../i18n.js';
import { ErrorLine, useLoad } from '../ui.js';
import { ImportPanel } from './ImportPanel.js';

/** Teams: searched by name on the server, filtered by macro-region and oblast; imported from a CSV sheet. */
export function Teams() {
  const [search, setSearch] = useState('');
  const [region, setRegion] = useState('');
  const [oblast, setOblast] = useState('');
  const query = new URLSearchParams({ limit: '500' });
  if (search.trim()) query.set('search', search.trim());
  if (region) query.set('regionCode', region);
  if (oblast) query.set('oblastCode', oblast);
  const list = useLoad(() => call<Page<Team>>(`/api/teams?${query.toString()}`), [query.toString()]);
  const units = regions.value.filter((r) => !region || r.code === region).flatMap((r) => [...r.oblasts, ...r.cities]);
  return (
    <section>
      <h1>{t('teams.title')}</h1>
      <form class="filters row" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('common.search')}
          <input type="search" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('common.region')}
          <select value={region} onChange={(e) => (setRegion((e.target as HTMLSelectElement).value), setOblast(''))}>
            <option value="">{t('common.allRegions')}</option>
            {regions.value.map((r) => (
              <option key={r.code} value={r.code}>
                {pick(r.names)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('teams.oblast')}
          <select value={oblast} onChange={(e) => setOblast((e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {pick(u.names)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorLine error={list.error} />
      {list.data && <p>{t('common.total', { count: list.data.total })}</p>}
      {list.data && list.data.items.length === 0 && <p>{t('teams.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table class="teams">
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('common.region')}</th>
              <th scope="col">{t('teams.oblast')}</th>
              <th scope="col">{t('common.institution')}</th>
              <th scope="col">{t('teams.members')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((team) => (
              <tr key={team.id}>
                <td>
                  {team.name}
                  {team.rural && <span class="tag">{t('teams.rural')}</span>}
                </td>
                <td>{regionName(team.regionCode)}</td>
                <td>{unitName(team.oblastCode)}</td>
                <td>{team.institution}</td>
                <td>{team.members.map((m) => m.fullName ?? '').join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ImportPanel<Team> route="/api/teams/import" id="teams-import" onImported={() => list.reload()} />
    </section>
  );
}

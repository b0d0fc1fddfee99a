import { call } from '../api.js';
import { regionName, type Page, type Tournament } from '../data.js';
import { t } from '../i18n.js';
import { ErrorLine, Link, useLoad } from '../ui.js';

interface Cup {
  id: string;
  name: string;
  season: string;
  leagues: { id: string; key: string; name: string }[];
}
interface Championship {
  id: string;
  title: string;
  regionCode: string;
  status: string;
}

/** The season at a glance: cups, their tournaments and the case championships, each a link to run it. */
export function Home() {
  const cups = useLoad(() => call<Page<Cup>>('/api/cups'), []);
  const tournaments = useLoad(() => call<Page<Tournament>>('/api/tournaments'), []);
  const championships = useLoad(() => call<Page<Championship>>('/api/case-championships'), []);
  return (
    <section>
      <div class="title-row">
        <h1>{t('home.title')}</h1>
        <Link href="/console/season" class="button primary">
          {t('home.newSeason')}
        </Link>
      </div>
      <h2>{t('home.cups')}</h2>
      <ErrorLine error={cups.error} />
      {cups.data && cups.data.items.length === 0 && <p>{t('home.noCups')}</p>}
      <ul>
        {cups.data?.items.map((cup) => (
          <li key={cup.id}>
            <Link href={`/console/cups/${cup.id}`}>{cup.name}</Link> · {cup.season}
            {cup.leagues.length > 0 && ` · ${cup.leagues.map((l) => l.name).join(', ')}`}
          </li>
        ))}
      </ul>
      <h2>{t('home.tournaments')}</h2>
      <ErrorLine error={tournaments.error} />
      {tournaments.data && tournaments.data.items.length === 0 && <p>{t('home.none')}</p>}
      {tournaments.data && tournaments.data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('common.region')}</th>
              <th scope="col">{t('season.format')}</th>
              <th scope="col">{t('home.status')}</th>
            </tr>
          </thead>
          <tbody>
            {tournaments.data.items.map((x) => (
              <tr key={x.id}>
                <td>
                  <Link href={`/console/tournaments/${x.id}`}>{x.name}</Link>
                </td>
                <td>{regionName(x.regionCode)}</td>
                <td>{x.format.toUpperCase()}</td>
                <td>{x.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('home.championships')}</h2>
      <ErrorLine error={championships.error} />
      {championships.data && championships.data.items.length === 0 && <p>{t('home.none')}</p>}
      <ul>
        {championships.data?.items.map((c) => (
          <li key={c.id}>
            <Link href={`/console/championships/${c.id}`}>{c.title}</Link> · {regionName(c.regionCode)}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/api.js';
import { Loading } from './common.js';
import { t } from './i18n.js';

interface Item {
  id: string;
  name?: string;
  title?: string;
  season?: string;
}

/** Lists answer `{ items, total }`; a few older routes answer a bare array. */

/** The board's front page: what there is to follow (read once; each page then lives on /live). */
export function IndexPage() {
  const [lists, setLists] = useState<{ cups: Item[]; tournaments: Item[]; championships: Item[] } | null>(null);
  useEffect(() => {
    const get = (path: string) =>
      request<{ items: Item[] }>(path).then(
        (page) => page.items,
        () => [],
      );
    void Promise.all([get('/api/cups'), get('/api/tournaments'), get('/api/case-championships')]).then(
      ([cups, tournaments, championships]) => setLists({ cups, tournaments, championships }),
    );
  }, []);
  if (!lists) return <Loading />;
  const section = (title: string, items: Item[], kind: string) => (
    <section>
      <h2>{title}</h2>
      {items.length ? (
        <ul class="links">
          {items.map((x) => (
            <li key={x.id}>
              <a href={`/board/${kind}/${x.id}`}>{x.name ?? x.title}</a>
              {x.season && <span class="muted"> · {x.season}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('index.empty')}</p>
      )}
    </section>
  );
  return (
    <>
      <h1>{t('app.title')}</h1>
      {section(t('index.cups'), lists.cups, 'cup')}
      {section(t('index.tournaments'), lists.tournaments, 'tournament')}
      {section(t('index.championships'), lists.championships, 'championship')}
    </>
  );
}

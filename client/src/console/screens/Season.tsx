import { useState } from 'preact/hooks';
import { pick } from '../../shared/i18n.js';
import { call } from '../api.js';
import { regions } from '../data.js';
import { t } from '../i18n.js';
import { go } from '../router.js';
import { ErrorLine } from '../ui.js';

interface LeagueDraft {
  key: string;
  name: string;
  language: 'kk' | 'ru' | 'en';
}

const FORMATS = ['wsdc', 'bp', 'apf', 'ld'];

/**
 * The season in one guided form: the cup, its leagues, and for each chosen macro-region a regional tournament per
 * league (and a case championship). Created in order, each step shown; a failure stops there and says why.
 */
export function Season() {
  const [cupName, setCupName] = useState('AMANAT Cup');
  const [season, setSeason] = useState(String(new Date().getFullYear()));
  const [slots, setSlots] = useState(2);
  const [leagues, setLeagues] = useState<LeagueDraft[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [format, setFormat] = useState('wsdc');
  const [prelims, setPrelims] = useState(3);
  const [breakSize, setBreakSize] = useState(4);
  const [evenPanels, setEvenPanels] = useState(false);
  const [withCases, setWithCases] = useState(false);
  const [caseSlots, setCaseSlots] = useState(4);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  const toggle = (code: string) =>
    setChosen((list) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]));
  const setLeague = (i: number, patch: Partial<LeagueDraft>) =>
    setLeagues((list) => list.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const number = (e: Event) => Number((e.target as HTMLInputElement).value);
  const text = (e: Event) => (e.target as HTMLInputElement).value;

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const perLeague = leagues.length || 1;
    const total = 1 + leagues.length + chosen.length * perLeague + (withCases ? chosen.length : 0);
    let done = 0;
    const step = () => setProgress({ done: ++done, total });
    setProgress({ done, total });
    try {
      const cup = await call<{ id: string }>('/api/cups', {
        method: 'POST',
        body: { name: cupName.trim(), season: season.trim(), slotsPerRegion: slots },
      });
      step();
      const made: { id: string | undefined; suffix: string }[] = [];
      for (const league of leagues) {
        const created = await call<{ leagues: { id: string; key: string }[] }>(`/api/cups/${cup.id}/leagues`, {
          method: 'POST',
          body: { key: league.key.trim(), name: league.name.trim(), language: league.language },
        });
        made.push({ id: created.leagues.find((l) => l.key === league.key.trim())?.id, suffix: ` · ${league.name}` });
        step();
      }
      if (!made.length) made.push({ id: undefined, suffix: '' });
      let first: string | undefined;
      for (const code of chosen) {
        const region = regions.value.find((r) => r.code === code);
        const regionLabel = region ? pick(region.names) : code;
        for (const league of made) {
          const tournament = await call<{ id: string }>('/api/tournaments', {
            method: 'POST',
            body: {
              name: t('season.tournamentName', { cup: cupName.trim(), region: regionLabel }) + league.suffix,
              level: 'regional',
              cupId: cup.id,
              ...(league.id ? { leagueId: league.id } : {}),
              regionCode: code,
              format,
              prelimRounds: prelims,
              breakSize,
              ...(evenPanels ? { panels: { evenPanels: true } } : {}),
            },
          });
          first ??= tournament.id;
          step();
        }
        if (withCases) {
          await call('/api/case-championships', {
            method: 'POST',
            body: {
              title: t('season.championshipName', { region: regionLabel }),
              regionCode: code,
              qualifierSlots: caseSlots,
            },
          });
          step();
        }
      }
      go(first && chosen.length === 1 && made.length === 1 ? `/console/tournaments/${first}` : '/console');
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section>
      <h1>{t('season.title')}</h1>
      <form onSubmit={submit} class="wizard">
        <fieldset>
          <legend>{t('season.step.cup')}</legend>
          <label>
            {t('season.cupName')}
            <input required maxLength={200} value={cupName} onInput={(e) => setCupName(text(e))} />
          </label>
          <label>
            {t('season.season')}
            <input required maxLength={20} value={season} onInput={(e) => setSeason(text(e))} />
          </label>
          <label>
            {t('season.slots')}
            <input type="number" min={1} max={16} required value={slots} onInput={(e) => setSlots(number(e))} />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('season.step.leagues')}</legend>
          {leagues.length === 0 && <p class="hint">{t('season.noLeagues')}</p>}
          {leagues.map((league, i) => (
            <div class="row" key={i}>
              <label>
                {t('season.leagueKey')}
                <input
                  required
                  pattern="[a-z][a-z0-9-]{0,19}"
                  value={league.key}
                  onInput={(e) => setLeague(i, { key: text(e) })}
                />
              </label>
              <label>
                {t('season.leagueName')}
                <input required value={league.name} onInput={(e) => setLeague(i, { name: text(e) })} />
              </label>
              <label>
                {t('season.leagueLanguage')}
                <select
                  value={league.language}
                  onChange={(e) =>
                    setLeague(i, { language: (e.target as HTMLSelectElement).value as LeagueDraft['language'] })
                  }
                >
                  <option value="kk">Қазақша</option>
                  <option value="ru">Русский</option>
                  <option value="en">English</option>
                </select>
              </label>
              <button type="button" onClick={() => setLeagues((list) => list.filter((_, j) => j !== i))}>
                {t('season.removeLeague', { name: league.name || league.key })}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setLeagues((list) => [...list, { key: '', name: '', language: 'kk' }])}>
            {t('season.addLeague')}
          </button>
        </fieldset>
        <fieldset>
          <legend>{t('season.step.regions')}</legend>
          <div class="checks">
            {regions.value.map((r) => (
              <label key={r.code} class="check">
                <input type="checkbox" checked={chosen.includes(r.code)} onChange={() => toggle(r.code)} />
                {pick(r.names)}
              </label>
            ))}
          </div>
          <div class="row">
            <label>
              {t('season.format')}
              <select value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value)}>
                {FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {f.toUpperCase()}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('season.prelims')}
              <input type="number" min={0} max={12} required value={prelims} onInput={(e) => setPrelims(number(e))} />
            </label>
            <label>
              {t('season.breakSize')}
              <input
                type="number"
                min={2}
                max={256}
                required
                value={breakSize}
                onInput={(e) => setBreakSize(number(e))}
              />
            </label>
          </div>
          <label class="check">
            <input type="checkbox" checked={evenPanels} onChange={() => setEvenPanels(!evenPanels)} />
            {t('season.evenPanels')}
          </label>
          <label class="check">
            <input type="checkbox" checked={withCases} onChange={() => setWithCases(!withCases)} />
            {t('season.championships')}
          </label>
          {withCases && (
            <label>
              {t('season.qualifierSlots')}
              <input
                type="number"
                min={1}
                max={64}
                required
                value={caseSlots}
                onInput={(e) => setCaseSlots(number(e))}
              />
            </label>
          )}
        </fieldset>
        <button
          type="submit"
          class="primary"
          disabled={progress !== null && error === undefined && progress.done < progress.total}
        >
          {t('season.create')}
        </button>
        {progress && (
          <p role="status">
            {progress.done < progress.total
              ? t('season.creating', { done: progress.done, total: progress.total })
              : t('season.done', { count: progress.total })}
          </p>
        )}
        <ErrorLine error={error} />
      </form>
    </section>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.js';
import type { Round } from '../data.js';
import { t } from '../i18n.js';
import { confirmAction, ErrorLine, useAction } from '../ui.js';

/**
 * A round's motion and info slide, set on the draft or the released draw, and released on its own once the draw is
 * out (confirmed). A released motion may have been read out: changing it asks first and is audited (`force`).
 */
export function MotionForm({ id, round, onSaved }: { id: string; round: Round; onSaved: () => void }) {
  const [motion, setMotion] = useState(round.motion ?? '');
  const [infoSlide, setInfoSlide] = useState(round.infoSlide ?? '');
  useEffect(() => {
    setMotion(round.motion ?? '');
    setInfoSlide(round.infoSlide ?? '');
  }, [round.motion, round.infoSlide]);
  const action = useAction();
  const [notice, setNotice] = useState('');
  const base = `/api/tournaments/${id}/rounds/${round.seq}/motion`;
  const released = round.motionReleasedAt !== null;

  const save = async (event: Event) => {
    event.preventDefault();
    setNotice('');
    if (released && !(await confirmAction(t('motion.editReleasedConfirm'), t('motion.save')))) return;
    const done = await action.run(() =>
      call(base, { method: 'PUT', body: { motion, infoSlide, ...(released ? { force: true } : {}) } }),
    );
    if (done) {
      setNotice(t('motion.saved'));
      onSaved();
    }
  };
  const release = async () => {
    setNotice('');
    if (!(await confirmAction(t('motion.releaseConfirm', { seq: round.seq }), t('motion.release')))) return;
    const done = await action.run(() => call(`${base}/release`, { method: 'POST' }));
    if (done) {
      setNotice(t('motion.releasedNow'));
      onSaved();
    }
  };

  return (
    <form class="panel motion-form" onSubmit={(e) => void save(e)} aria-labelledby="motion-title">
      <h2 id="motion-title">{t('motion.title')}</h2>
      <p class={released ? 'ok' : 'hint'}>
        {released ? t('motion.isReleased') : round.status === 'draft' ? t('motion.afterDraw') : t('motion.notReleased')}
      </p>
      <label>
        {t('motion.motion')}
        <textarea
          rows={2}
          maxLength={1000}
          required
          value={motion}
          onInput={(e) => setMotion((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <label>
        {t('motion.infoSlide')}
        <textarea
          rows={4}
          maxLength={5000}
          value={infoSlide}
          onInput={(e) => setInfoSlide((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <div class="actions">
        <button type="submit" disabled={action.busy || !motion.trim()}>
          {t('motion.save')}
        </button>
        {!released && round.status !== 'draft' && (
          <button type="button" class="primary" disabled={action.busy || !round.motion} onClick={() => void release()}>
            {t('motion.release')}
          </button>
        )}
      </div>
      <ErrorLine error={action.error} />
      {notice && (
        <p role="status" class="ok">
          {notice}
        </p>
      )}
    </form>
  );
}

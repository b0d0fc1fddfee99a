import { t } from '../../shared/i18n.js';
import type { WorkDebate } from '../types.js';

export function BackLink() {
  return (
    <button type="button" class="btn link" onClick={() => history.back()}>
      ← {t('common.back')}
    </button>
  );
}

export function DebateHeading({ debate }: { debate: WorkDebate }) {
  return (
    <div class="debate-heading">
      <p>
        {debate.tournamentName} ·{' '}
        {debate.roundKind === 'elim' && debate.roundName ? debate.roundName : t('work.round', { seq: debate.roundSeq })}{' '}
        · {t('work.room', { room: debate.room })}
      </p>
      <p class="motion">
        {debate.motion ? (
          <>
            <span class="label">{t('work.motion')}:</span> {debate.motion}
          </>
        ) : (
          t('work.motionHidden')
        )}
      </p>
    </div>
  );
}

import { useRef, useState } from 'preact/hooks';
import { GPC_OVERRIDE_CONTROL } from '../contract/consent.ts';
import type { Purpose } from '../contract/notice.ts';
import { gpcKeepsOff } from '../notice/purpose-rules.ts';
import { BiometricStep } from './BiometricStep.tsx';
import { ConsentSwitch } from './ConsentSwitch.tsx';
import { useCore } from './CoreContext.ts';
import { DecisionStatus } from './DecisionStatus.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { GpcConfirm } from './GpcConfirm.tsx';
import { GpcStatus } from './GpcStatus.tsx';
import { useT } from './I18nContext.ts';
import { ObjectionBlock } from './ObjectionBlock.tsx';
import { ReceiptHistory } from './ReceiptHistory.tsx';
import { useDecisions } from './useDecisions.ts';

/**
 * One switch per consent purpose of the notice (R15), off until decided (R16), in a fieldset; each objection as
 * a separate information block (R25). A just-in-time purpose (body scans today) asks its express question before
 * it is switched on (R22); switching it off is one interaction (R23). While the browser sends GPC, switching
 * on a purpose GPC keeps off asks for a confirmation first, and the record says it was confirmed (R29).
 */
export function ConsentList() {
  const { t } = useT();
  const { notice, consents } = useCore();
  const decisions = useDecisions();
  const [asking, setAsking] = useState<Purpose['id'] | null>(null);
  const [confirming, setConfirming] = useState<Purpose['id'] | null>(null);
  const switches = useRef<Partial<Record<Purpose['id'], HTMLButtonElement | null>>>({});
  const doc = notice.response.value?.notice;
  if (!doc) return null;
  const pending = consents.pending.value; // signals read in render (here and in active()) re-render the list
  // No state at all (not loaded, nothing saved): "off" would only be a guess, so say why it is unknown.
  const unknown = consents.state.value === null ? consents.error.value : null;

  const toggle = (purpose: Purpose) => {
    const on = consents.active(purpose.id);
    if (!on && purpose.justInTime) return setAsking(purpose.id);
    if (!on && consents.gpcOn.value && gpcKeepsOff(doc.purposes).includes(purpose.id)) return setConfirming(purpose.id);
    void decisions.run(async () => [await consents.decide(purpose.id, on ? 'deny' : 'grant', 'toggle')]);
  };

  const confirmed = (purpose: Purpose, yes: boolean) => {
    setConfirming(null);
    switches.current[purpose.id]?.focus(); // back to the switch the question came from
    if (yes) void decisions.run(async () => [await consents.decide(purpose.id, 'grant', GPC_OVERRIDE_CONTROL)]);
  };

  return (
    <div class="tp-consents">
      {unknown && <ErrorMessage error={unknown} />}
      <fieldset class="tp-switches">
        <legend>{t('consent.legend')}</legend>
        {doc.purposes
          .filter((p) => p.kind === 'consent')
          .map((purpose) => (
            <div key={purpose.id} class="tp-switch-row">
              <ConsentSwitch
                purpose={purpose}
                controller={doc.controller}
                noticeLang={doc.locale}
                checked={consents.active(purpose.id)}
                pending={pending.has(purpose.id)}
                queued={consents.queued.value.has(purpose.id)}
                switchRef={(el) => void (switches.current[purpose.id] = el)}
                onToggle={() => toggle(purpose)}
              />
              {confirming === purpose.id && <GpcConfirm onAnswer={(yes) => confirmed(purpose, yes)} />}
              {asking === purpose.id && (
                <BiometricStep
                  purpose={purpose.id}
                  onDone={(_granted, record) => {
                    setAsking(null);
                    switches.current[purpose.id]?.focus(); // back to the switch the question came from
                    if (record) decisions.announce([record]);
                  }}
                />
              )}
            </div>
          ))}
      </fieldset>
      <GpcStatus />
      {doc.purposes
        .filter((p) => p.kind === 'objection')
        .map((purpose) => (
          <ObjectionBlock key={purpose.id} purpose={purpose} noticeLang={doc.locale} decisions={decisions} />
        ))}
      <DecisionStatus status={decisions.status} error={decisions.error} />
      <ReceiptHistory />
    </div>
  );
}

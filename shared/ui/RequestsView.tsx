import { useEffect, useState } from 'preact/hooks';
import { useCore } from './CoreContext.ts';
import { useT } from './I18nContext.ts';
import { RequestForm } from './RequestForm.tsx';
import { RequestList } from './RequestList.tsx';
import { SignInFrame } from './SignInFrame.tsx';

/**
 * The requests view: the form to file a request and the list of the person's requests (loaded on opening). A
 * visitor (no account here: only this device's token) is told first how to make a request, and is shown neither a
 * form the server would refuse nor a list it may not read (opening the view sends nothing that answers 403): they
 * sign in and file in a frame of the rights API's origin instead.
 */
export function RequestsView() {
  const { requests, identity } = useCore();
  const [kind, setKind] = useState(identity.kind());
  useEffect(() => {
    const controller = new AbortController();
    void identity
      .token(false)
      .catch(() => null)
      .then(() => {
        if (controller.signal.aborted) return;
        setKind(identity.kind());
        if (identity.kind() === 'host' || identity.kind() === 'session') void requests.load(controller.signal);
      });
    return () => controller.abort();
  }, [requests, identity]);
  if (kind === 'device') return <VisitorRequests />;
  return (
    <div class="tp-requests">
      <RequestForm />
      <RequestList />
    </div>
  );
}

/**
 * What a person without an account here can do: sign in by e-mail code and file a request in the frame from the
 * rights API's origin (SignInFrame, R68), or write to the privacy address.
 */
function VisitorRequests() {
  const { t, tx } = useT();
  const email = useCore().notice.response.value?.notice.rights.howToExercise.email;
  return (
    <div class="tp-requests tp-visitor">
      <p>{t('requests.visitor.why')}</p>
      <SignInFrame />
      {email && <p>{tx('requests.visitor.write', { email: <a href={`mailto:${email}`}>{email}</a> })}</p>}
      <p class="tp-meta">{t('request.free')}</p>
    </div>
  );
}

import { useEffect } from 'preact/hooks';
import { useCore } from './CoreContext.ts';
import { RequestForm } from './RequestForm.tsx';
import { RequestList } from './RequestList.tsx';

/** The requests view: the form to file a request and the list of the person's requests (loaded on opening). */
export function RequestsView() {
  const { requests } = useCore();
  useEffect(() => {
    const controller = new AbortController();
    void requests.load(controller.signal);
    return () => controller.abort();
  }, [requests]);
  return (
    <div class="tp-requests">
      <RequestForm />
      <RequestList />
    </div>
  );
}

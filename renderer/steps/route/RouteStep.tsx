import { useApp } from '../../store/context';
import { JiraRoute } from './JiraRoute';
import { NativeRoute } from './NativeRoute';
import { PortableRoute } from './PortableRoute';

/** Step 6: the details of the chosen route, each checked against the live service where it can be. */
export const RouteStep = () => {
  const record = useApp((s) => s.record);
  const goTo = useApp((s) => s.goTo);
  if (record === null) return null;
  switch (record.target.issue_workflow) {
    case 'native':
      return <NativeRoute record={record} />;
    case 'jira':
      return <JiraRoute key={record.target.id} record={record} />;
    case 'portable':
      return <PortableRoute record={record} />;
    case undefined:
      return (
        <div className="notice">
          <p>No route chosen yet.</p>
          <button type="button" onClick={() => goTo('issue_availability')}>
            Choose the route
          </button>
        </div>
      );
  }
};

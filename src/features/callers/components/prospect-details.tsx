import { prospectStatusLabel, type Prospect } from '@contract';
import { Badge } from '@/components/ui/badge';
import { MISSING, orMissing } from '@/lib/format';
import { formatPhone } from '@/lib/phone';
import { usePhoneFormattingReady } from '@/lib/use-phone-formatting';
import { referenceText } from '../history';
import { formatCallDate } from './format-date';

interface ProspectDetailsProps {
  prospect: Prospect;
  firstContactMs: number | null;
  lastContactMs: number | null;
}

/** The caller's record as the API keeps it, with when they first and last called. */
export function ProspectDetails({ prospect, firstContactMs, lastContactMs }: ProspectDetailsProps) {
  // Re-render once the phone formatter has loaded; until then the number shows as given.
  usePhoneFormattingReady();
  const references = prospect.externalReference ?? [];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-sm">
      <dt className="text-slate-500">Name</dt>
      <dd className="font-medium break-words text-slate-900">{orMissing(prospect.name)}</dd>
      <dt className="text-slate-500">Phone</dt>
      <dd className="break-words" title={prospect.phoneNumber ?? undefined}>
        {prospect.phoneNumber ? formatPhone(prospect.phoneNumber) : MISSING}
      </dd>
      <dt className="text-slate-500">Email</dt>
      <dd className="break-all">{orMissing(prospect.email)}</dd>
      <dt className="text-slate-500">Lead status</dt>
      <dd>
        {prospect.status ? (
          <Badge tone="info" title={prospect.status}>
            {prospectStatusLabel(prospect.status)}
          </Badge>
        ) : (
          MISSING
        )}
      </dd>
      <dt className="text-slate-500">References</dt>
      <dd>
        {references.length ? (
          <ul className="flex flex-col gap-0.5 break-all">
            {references.map((reference, index) => (
              <li key={index}>{referenceText(reference)}</li>
            ))}
          </ul>
        ) : (
          MISSING
        )}
      </dd>
      <dt className="text-slate-500">First contact</dt>
      <dd>{formatCallDate(firstContactMs)}</dd>
      <dt className="text-slate-500">Last contact</dt>
      <dd>{formatCallDate(lastContactMs)}</dd>
    </dl>
  );
}

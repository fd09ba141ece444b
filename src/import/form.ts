/**
 * What the client's HTML form sends back: its reply, read exactly (src/form/reply.ts), and
 * the check that the answers read are the answers the form wrote (the checksum in the
 * reply's last line, or in a downloaded answers file's first comment). Pure.
 */
import type { Answers } from "../answers/types.ts";
import { numberQuestions } from "../ask/numbering.ts";
import { answersChecksum, type ReplyQuestion } from "../form/reply.ts";
import type { FormSignature } from "../form/reply-read.ts";
import type { Lang } from "../i18n.ts";
import type { Pack } from "../pack/types.ts";

/** The client questions of the pack by number, as the form of this language wrote them. */
export function replyQuestions(pack: Pack, lang: Lang): Map<number, ReplyQuestion> {
  return new Map(
    numberQuestions(pack).map(({ n, question: q }) => [
      n,
      {
        id: q.id,
        n,
        type: q.type,
        allowPending: q.allow_pending,
        choices: (q.choices ?? []).map((c) => ({ value: c.value, label: c.label[lang], ...(c.other ? { other: true } : {}) })),
        ...(q.unit ? { unit: q.unit[lang] } : {}),
        ...(q.default !== undefined ? { hasDefault: true } : {}),
      },
    ]),
  );
}

/** What the form's signature says about the answers read. */
export interface FormCheck {
  packId: string;
  version: string;
  checksum: string;
  /** The checksum of the answers read equals the form's: nothing changed on the way. */
  matches: boolean;
}

export function formCheck(sig: FormSignature, answers: Answers): FormCheck {
  return {
    packId: sig.packId,
    version: sig.version,
    checksum: sig.checksum,
    matches: answersChecksum(sig.packId, sig.version, answers) === sig.checksum,
  };
}

/** Library element URLs and reads shared by the SLO operations. */
import { commonFailure, fail, type StoreError, type StoreResult, succeed, unexpectedAnswer } from './errors';
import { type HttpFailure, send, type StoreRequest } from './http';
import { elementFacts, type ElementFacts, resultOf } from './parse';

export const ELEMENTS = '/api/library-elements';

export const elementUrl = (uid: string) => `${ELEMENTS}/${encodeURIComponent(uid)}`;

/** Errors of reading one SLO, in the user's words. */
export function readFailure(answer: HttpFailure, request: StoreRequest, uid: string): StoreError {
  const server = { status: answer.status, serverMessage: answer.message };
  if (answer.status === 404) {
    return {
      kind: 'notFound',
      uid,
      ...server,
      message: `The SLO "${uid}" does not exist: someone may have deleted it.`,
    };
  }
  if (answer.status === 403) {
    return {
      kind: 'forbidden',
      ...server,
      message: `You may not view the SLO "${uid}": ask an admin for View permission on its folder.`,
    };
  }
  return commonFailure(answer, request, `load the SLO "${uid}"`);
}

/** `GET /api/library-elements/:uid`, unwrapped; any library element, SLO or not. */
export async function getElement(uid: string): Promise<StoreResult<unknown>> {
  const request: StoreRequest = { method: 'GET', url: elementUrl(uid) };
  const answer = await send(request);
  if (!answer.ok) {
    return fail(readFailure(answer, request, uid));
  }
  const element = resultOf(answer.data);
  return element === undefined
    ? fail(unexpectedAnswer(request, `load the SLO "${uid}"`, 'a library element'))
    : succeed(element);
}

/** Name and folder of an element, for messages; undefined when it cannot be read. */
export async function factsOf(uid: string): Promise<ElementFacts | undefined> {
  const element = await getElement(uid);
  return element.ok ? elementFacts(element.value) : undefined;
}

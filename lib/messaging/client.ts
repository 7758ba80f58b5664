import { protocol, type MessageType, type RequestOf, type ResponseOf } from './protocol';
import { sendRequest } from './transport';

/**
 * Send one request to the background and get its answer, validated with the
 * protocol's schema. Throws MessagingError with a code the UI can explain.
 */
export function request<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  return sendRequest(type, data, protocol[type].response) as Promise<ResponseOf<K>>;
}

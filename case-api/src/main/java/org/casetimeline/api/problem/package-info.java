/** RFC 9457 problem documents for every refusal. */
package org.casetimeline.api.problem;

/** Who may call what, and who may see which facts. */
package org.casetimeline.api.security;

/** The running service: the Spring Boot application and what stops a start that would leave a door open. */
package org.goldenthread.infra;

/** Users, their roles and passwords (bcrypt), the bootstrap admin, and role expansion. */
package jp.koyomi.user;

/**
 * The CEPTOAR drill's arithmetic (セプター訓練): 疎通確認率 and time to confirm per level, and the fiscal year
 * (年度) a drill counts in. Pure functions over what the caller was allowed to see.
 */
package jp.renkei.engine.exercise.drill;

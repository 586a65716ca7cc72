<?php
/**
 * Loaded before every request of the Horde rig (php-fpm auto_prepend_file).
 * Debian 12's IMP 6.2.27 still calls each(), which PHP 8 removed: the
 * dynamic view's message list fails with "Call to undefined function
 * each()" (IMP_Ajax_Application_ListMessages). This is PHP 7's each(),
 * unchanged, so IMP runs as its authors wrote it.
 */
if (!function_exists('each')) {
    function each(array &$array)
    {
        $key = key($array);
        if ($key === null) {
            return false;
        }
        $value = current($array);
        next($array);
        return array(1 => $value, 'value' => $value, 0 => $key, 'key' => $key);
    }
}

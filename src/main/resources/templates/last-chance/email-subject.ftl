${customer.familyName}様、ご愛用の<#if items?has_content>${items[0].name}</#if>が販売終了になります
